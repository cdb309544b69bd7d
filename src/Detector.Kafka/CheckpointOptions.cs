namespace Detector.Kafka;

/// <summary>
/// Checkpoints of per-partition state to the changelog topic. Input offsets are committed at
/// checkpoints only, so the interval is also how much input a crashed worker's successor re-reads.
/// </summary>
public sealed class CheckpointOptions
{
    /// <summary>
    /// How often each partition writes the snapshots of its agents that changed, plus a marker. Longer
    /// keeps the changelog small (agents active throughout are written once per interval). Default 10 s.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Most recent event ids per partition carried in each checkpoint marker (8+8 bytes each), so
    /// duplicates that arrive after a restart are still recognised. Default 20,000.
    /// </summary>
    public int DedupIds { get; set; } = 20_000;

    /// <summary>How long a revoke or shutdown waits for the final checkpoint and commit. Default 30 s.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate()
    {
        if (Interval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "must be positive");
        if (DedupIds < 0)
            throw new ArgumentOutOfRangeException(nameof(DedupIds), DedupIds, "must not be negative");
        if (DrainTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(DrainTimeout), DrainTimeout, "must be positive");
    }
}
