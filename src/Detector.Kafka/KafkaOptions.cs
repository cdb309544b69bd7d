namespace Detector.Kafka;

/// <summary>
/// The worker's Kafka settings (section <c>Kafka</c>). <see cref="Properties"/> pass any librdkafka
/// property through (security.protocol, sasl.*, ssl.* for real clusters; api.version.request=false and
/// broker.version.fallback=0.9.0.1 for a 0.9 broker). Validated once at start.
/// </summary>
public sealed class KafkaOptions
{
    public string BootstrapServers { get; set; } = "127.0.0.1:9092";

    /// <summary>Consumer group of the detector workers.</summary>
    public string GroupId { get; set; } = "agentdrift-detector";

    /// <summary>librdkafka properties applied to every client, after the worker's own defaults (so they win).</summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);

    public TopicOptions Topics { get; set; } = new();

    /// <summary>Idempotent producer (exactly-once per producer session, ordered). Turn off for brokers older than 0.11.</summary>
    public bool Idempotence { get; set; } = true;

    /// <summary>Record headers on dead letters. Turn off for brokers older than 0.11.</summary>
    public bool Headers { get; set; } = true;

    /// <summary>Scoring threads; each owns the state of the partitions it is given while they stay assigned. Default 2.</summary>
    public int ScoringThreads { get; set; } = 2;

    /// <summary>Records queued per scoring thread and completions queued for the producers. Default 4096.</summary>
    public int ChannelCapacity { get; set; } = 4096;

    /// <summary>
    /// How long the consumer waits on a full scoring queue before it pauses its partitions (and keeps
    /// polling, so it stays in the group). Short stalls block briefly; long ones pause. Default 200 ms.
    /// </summary>
    public TimeSpan PauseAfter { get; set; } = TimeSpan.FromMilliseconds(200);

    public CheckpointOptions Checkpoint { get; set; } = new();

    /// <summary>Creates missing topics at start. Default AdminApi.</summary>
    public TopicProvisioning Provisioning { get; set; } = TopicProvisioning.AdminApi;

    /// <summary>Partitions of topics the worker creates (internal ones follow the input topic's count).</summary>
    public int Partitions { get; set; } = 6;

    public short ReplicationFactor { get; set; } = 1;

    public TopicCommandOptions TopicCommand { get; set; } = new();

    /// <summary>
    /// Last-use refreshes of a binding closer together than this are not published. Default zero: the
    /// engine already writes a credential's last use at most once a minute, and every worker's table
    /// should hold what the owning worker holds (a coarser setting trades precision for topic volume).
    /// </summary>
    public TimeSpan BindingRefresh { get; set; } = TimeSpan.Zero;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
            throw new ArgumentException("Kafka:BootstrapServers is required");
        if (string.IsNullOrWhiteSpace(GroupId))
            throw new ArgumentException("Kafka:GroupId is required");
        Topics.Validate();
        if (ScoringThreads is < 1 or > 64)
            throw new ArgumentOutOfRangeException(nameof(ScoringThreads), ScoringThreads, "must be between 1 and 64");
        if (ChannelCapacity is < 16 or > 1 << 20)
            throw new ArgumentOutOfRangeException(nameof(ChannelCapacity), ChannelCapacity, "must be between 16 and 1048576");
        if (PauseAfter < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(PauseAfter), PauseAfter, "must not be negative");
        if (Partitions < 1 || ReplicationFactor < 1)
            throw new ArgumentOutOfRangeException(nameof(Partitions), "partitions and replication factor must be positive");
        if (BindingRefresh < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(BindingRefresh), BindingRefresh, "must not be negative");
        Checkpoint.Validate();
        if (Provisioning == TopicProvisioning.TopicCommand && (TopicCommand.KafkaHome.Length == 0 || TopicCommand.ZooKeeper.Length == 0))
            throw new ArgumentException("Kafka:TopicCommand:KafkaHome and :ZooKeeper are required for TopicCommand provisioning");
    }
}
