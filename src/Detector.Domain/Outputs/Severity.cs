namespace Detector.Domain.Outputs;

/// <summary>Alert severity, ordered. Values are persisted: never renumber.</summary>
public enum Severity : byte
{
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
