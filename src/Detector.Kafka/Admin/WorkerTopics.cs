namespace Detector.Kafka.Admin;

/// <summary>The topics the detector and the reference broker consumer use, as configured.</summary>
public static class WorkerTopics
{
    /// <summary>
    /// Input and outputs get <see cref="KafkaOptions.Partitions"/>; the state changelog gets as many as the
    /// input (one changelog partition per input partition, as Kafka Streams co-partitions them); the
    /// binding table is small and read in full, so one partition.
    /// </summary>
    public static IReadOnlyList<TopicSpec> For(KafkaOptions options, IEnumerable<TopicSpec>? extra = null)
    {
        var t = options.Topics;
        int n = options.Partitions;
        var specs = new List<TopicSpec>
        {
            new(t.Input, n, false),
            new(t.Alerts, n, false),
            new(t.Quarantine, n, false),
            new(t.DeadLetters, n, false),
            new(t.State, n, true),
            new(t.Bindings, 1, true),
            new(t.Models, 1, true),
        };
        if (extra is not null)
            specs.AddRange(extra);
        return specs;
    }
}
