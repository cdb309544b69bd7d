namespace Detector.Web.ReadModel;

/// <summary>Bounds and cadence of the dashboard read model. Plain settings with documented defaults, validated once.</summary>
public sealed class ReadModelOptions
{
    /// <summary>Agents kept (the longest idle is forgotten first). Default 10,000, about 4 KB each.</summary>
    public int MaxAgents { get; set; } = 10_000;

    /// <summary>Most recent alerts kept for the feed and evidence chains. Default 2,000.</summary>
    public int MaxAlerts { get; set; } = 2_000;

    /// <summary>Most recent quarantine signals kept. Default 1,000.</summary>
    public int MaxSignals { get; set; } = 1_000;

    /// <summary>Scored events waiting for the read model; when full, the scoring thread skips (and counts) instead of waiting. Default 65,536.</summary>
    public int QueueCapacity { get; set; } = 65_536;

    /// <summary>How often a new snapshot is published when something changed. Default 1 second.</summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tools and destinations remembered per agent (Space-Saving slots). Default 24.</summary>
    public int TopKeys { get; set; } = 24;

    /// <summary>Hours on an agent's rate chart. Default 168 (a week).</summary>
    public int ChartHours { get; set; } = 168;

    /// <summary>Event-time window of the per-agent time-series points. Default 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public void Validate()
    {
        if (MaxAgents < 1 || MaxAlerts < 1 || MaxSignals < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxAgents), "read model caps must be positive");
        if (QueueCapacity < 16)
            throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "must be at least 16");
        if (TopKeys is < 1 or > 256)
            throw new ArgumentOutOfRangeException(nameof(TopKeys), TopKeys, "must be between 1 and 256");
        if (ChartHours is < 24 or > 24 * 31)
            throw new ArgumentOutOfRangeException(nameof(ChartHours), ChartHours, "must be between 24 and 744");
        if (PublishInterval <= TimeSpan.Zero || Window < TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(PublishInterval), "PublishInterval must be positive and Window at least a second");
    }
}
