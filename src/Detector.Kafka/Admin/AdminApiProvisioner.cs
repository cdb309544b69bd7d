using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Detector.Kafka.Clients;

namespace Detector.Kafka.Admin;

/// <summary>
/// Creates topics with the CreateTopics API (Kafka 0.10.1+). Compacted topics also get a minimum
/// compaction lag, so the snapshots an unfinished checkpoint superseded survive until a later
/// checkpoint completes (restore never sees an agent only in its unfinished version).
/// </summary>
public sealed class AdminApiProvisioner(KafkaOptions options) : ITopicProvisioner
{
    public async Task EnsureAsync(IReadOnlyList<TopicSpec> topics, CancellationToken cancellationToken)
    {
        using var admin = new AdminClientBuilder(ClientConfigs.Admin(options)).Build();
        var existing = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics
            .Where(t => t.Error.Code == ErrorCode.NoError)
            .Select(t => t.Topic)
            .ToHashSet(StringComparer.Ordinal);
        var missing = topics.Where(t => !existing.Contains(t.Name)).Select(Specification).ToList();
        if (missing.Count == 0)
            return;
        try
        {
            await admin.CreateTopicsAsync(missing).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Another worker created them first.
        }
    }

    private TopicSpecification Specification(TopicSpec spec) => new()
    {
        Name = spec.Name,
        NumPartitions = spec.Partitions,
        ReplicationFactor = options.ReplicationFactor,
        Configs = spec.Compacted
            ? new Dictionary<string, string> { ["cleanup.policy"] = "compact", ["min.compaction.lag.ms"] = "3600000" }
            : null,
    };
}
