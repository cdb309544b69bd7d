using Detector.Domain.Ingest;

namespace Detector.Pipeline;

/// <summary>Pipeline settings: stage capacities, event-time rules and the de-duplication window. Validated once at start.</summary>
public sealed class PipelineOptions
{
    /// <summary>Capacity of each bounded stage channel; a full channel makes the stage before it wait (back-pressure).</summary>
    public int ChannelCapacity { get; set; } = 4096;

    /// <summary>Scoring shards (threads), each owning the agents hashed to it. Replay output is byte-identical with 1.</summary>
    public int Shards { get; set; } = 1;

    /// <summary>
    /// How far behind its agent's newest applied event an event may arrive and still be applied.
    /// Older events are dead-lettered as late_event. Default 5 minutes.
    /// </summary>
    public TimeSpan AllowedLateness { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Events more than this ahead of the ingest clock are dead-lettered as future_time. The worker's
    /// ingest clock is the wall clock (default 5 minutes there); replay has no arrival clock, so it is
    /// off unless set, and then measured against the stream's newest applied event time.
    /// </summary>
    public TimeSpan? MaxFutureSkew { get; set; }

    /// <summary>
    /// Event ids are remembered this long (event time, behind the newest) to drop redeliveries. A crash
    /// or rebalance redelivers what was processed since the last commit: minutes of event time. Default 1 hour.
    /// </summary>
    public TimeSpan DedupWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Cap on remembered event ids per shard; the oldest are forgotten first. Default 1,000,000 (about 40 MB).</summary>
    public int MaxRememberedEventIds { get; set; } = 1_000_000;

    public IngestLimits Ingest { get; set; } = new();

    public void Validate()
    {
        if (ChannelCapacity is < 16 or > 1 << 20)
            throw new ArgumentOutOfRangeException(nameof(ChannelCapacity), ChannelCapacity, "must be between 16 and 1048576");
        if (Shards is < 1 or > 256)
            throw new ArgumentOutOfRangeException(nameof(Shards), Shards, "must be between 1 and 256");
        if (AllowedLateness < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(AllowedLateness), AllowedLateness, "must not be negative");
        if (MaxFutureSkew < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MaxFutureSkew), MaxFutureSkew, "must not be negative");
        if (DedupWindow < AllowedLateness)
            throw new ArgumentOutOfRangeException(nameof(DedupWindow), DedupWindow, "must be at least AllowedLateness, or redeliveries inside the lateness window would be applied twice");
        if (MaxRememberedEventIds < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxRememberedEventIds), MaxRememberedEventIds, "must be positive");
        Ingest.Validate();
    }
}
