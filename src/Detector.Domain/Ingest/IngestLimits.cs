namespace Detector.Domain.Ingest;

/// <summary>Structural limits on one input record; anything beyond is rejected, never truncated.</summary>
public sealed class IngestLimits
{
    /// <summary>Largest accepted record in bytes (default 64 KiB; telemetry events are typically under 1 KiB).</summary>
    public int MaxRecordBytes { get; set; } = 64 * 1024;

    /// <summary>Most properties in a record, counted at every depth (default 256).</summary>
    public int MaxFields { get; set; } = 256;

    /// <summary>Deepest nesting, the record's own object being depth 1 (default 8).</summary>
    public int MaxDepth { get; set; } = 8;

    /// <summary>Argument values up to this many UTF-8 bytes keep their text for explanations (default 128).</summary>
    public int MaxArgumentTextBytes { get; set; } = 128;

    public void Validate()
    {
        if (MaxRecordBytes < 64)
            throw new ArgumentOutOfRangeException(nameof(MaxRecordBytes), MaxRecordBytes, "must be at least 64 bytes");
        if (MaxFields < 5)
            throw new ArgumentOutOfRangeException(nameof(MaxFields), MaxFields, "must allow the five required fields");
        if (MaxDepth is < 2 or > 64)
            throw new ArgumentOutOfRangeException(nameof(MaxDepth), MaxDepth, "must be between 2 and 64");
        if (MaxArgumentTextBytes is < 0 or > 4096)
            throw new ArgumentOutOfRangeException(nameof(MaxArgumentTextBytes), MaxArgumentTextBytes, "must be between 0 and 4096");
    }
}
