namespace Detector.Domain.Events;

/// <summary>Data classification of the touched resource. Ordered; values are persisted: never renumber.</summary>
public enum Sensitivity : byte
{
    Unknown = 0,
    Public = 1,
    Internal = 2,
    Confidential = 3,
    Restricted = 4,
}
