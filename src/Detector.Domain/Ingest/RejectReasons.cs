namespace Detector.Domain.Ingest;

/// <summary>Wire names of <see cref="RejectReason"/> (snake_case, as in docs/schemas/dead-letter.schema.json).</summary>
public static class RejectReasons
{
    private static readonly string[] Codes =
    [
        "none", "not_json", "not_object", "missing_field", "wrong_type", "empty_required_string", "invalid_time",
        "invalid_utf8", "oversize", "too_many_fields", "too_deep", "invalid_value", "duplicate_field", "late_event",
        "future_time", "duplicate",
    ];

    public static IReadOnlyList<RejectReason> All { get; } = Enum.GetValues<RejectReason>().Where(r => r != RejectReason.None).ToArray();

    public static string Code(this RejectReason reason) => Codes[(int)reason];

    public static bool IsDeadLettered(this RejectReason reason) => reason is not (RejectReason.None or RejectReason.Duplicate);
}
