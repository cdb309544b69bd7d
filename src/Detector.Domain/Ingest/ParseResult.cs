namespace Detector.Domain.Ingest;

/// <summary>Outcome of parsing one record: accepted, or the reason and the offending field (a constant, no allocation).</summary>
public readonly record struct ParseResult(RejectReason Reason, string? Field)
{
    public static readonly ParseResult Accepted = new(RejectReason.None, null);

    public bool IsAccepted => Reason == RejectReason.None;

    /// <summary>A sentence for the dead-letter record; built only when a record is rejected.</summary>
    public string Describe() => Reason switch
    {
        RejectReason.None => "accepted",
        RejectReason.NotJson => "the record is not valid JSON",
        RejectReason.NotObject => "the record is valid JSON but not an object",
        RejectReason.MissingField => $"required field '{Field}' is missing",
        RejectReason.WrongType => $"field '{Field}' has the wrong JSON type",
        RejectReason.EmptyRequiredString => $"required field '{Field}' is an empty string",
        RejectReason.InvalidTime => $"field '{Field}' is not an RFC 3339 date-time with an offset",
        RejectReason.InvalidUtf8 => "the record is not valid UTF-8",
        RejectReason.Oversize => "the record exceeds the configured size limit",
        RejectReason.TooManyFields => "the record has more properties than the configured limit",
        RejectReason.TooDeep => "the record nests deeper than the configured limit",
        RejectReason.InvalidValue => $"field '{Field}' has a value outside its allowed set or range",
        RejectReason.DuplicateField => $"field '{Field}' appears more than once",
        RejectReason.LateEvent => "the event is older than its agent's watermark (allowed lateness exceeded)",
        RejectReason.FutureTime => "the event time is ahead of the ingest clock by more than the allowed skew",
        RejectReason.Duplicate => "an event with this event_id was already applied",
        _ => Reason.ToString(),
    };
}
