namespace Detector.Domain.Events;

/// <summary>How the invocation ended. Values are persisted: never renumber.</summary>
public enum Outcome : byte
{
    Success = 0,
    Denied = 1,
    Error = 2,
}
