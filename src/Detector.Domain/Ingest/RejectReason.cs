namespace Detector.Domain.Ingest;

/// <summary>
/// Why a record was not applied. Every reason except <see cref="None"/> and <see cref="Duplicate"/>
/// sends the original bytes to the dead-letter output. Values are persisted: never renumber.
/// </summary>
public enum RejectReason : byte
{
    None = 0,
    NotJson = 1,
    NotObject = 2,
    MissingField = 3,
    WrongType = 4,
    EmptyRequiredString = 5,
    InvalidTime = 6,
    InvalidUtf8 = 7,
    Oversize = 8,
    TooManyFields = 9,
    TooDeep = 10,
    InvalidValue = 11,
    DuplicateField = 12,
    /// <summary>Older than its agent's watermark (max event time minus the allowed lateness).</summary>
    LateEvent = 13,
    /// <summary>Ahead of the ingest clock by more than the allowed skew.</summary>
    FutureTime = 14,
    /// <summary>An event id already applied within the de-duplication window: dropped, counted, not dead-lettered.</summary>
    Duplicate = 15,
}
