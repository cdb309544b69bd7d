using Detector.Hosting.Worker;
using Detector.Kafka.Tests.Signing;

namespace Detector.Kafka.Tests.Support;

/// <summary>Worker settings for a test: its own consumer group, fast checkpoints, a signing key, no breaker.</summary>
internal static class TestSettings
{
    public static WorkerSettings Worker(string bootstrapServers, int partitions = 1)
    {
        var settings = new WorkerSettings
        {
            Kafka =
            {
                BootstrapServers = bootstrapServers,
                GroupId = "test-" + Guid.NewGuid().ToString("N"),
                Provisioning = TopicProvisioning.None,
                Partitions = partitions,
                Checkpoint = { Interval = TimeSpan.FromSeconds(1) },
            },
            Signing = TestKeys.Options("k1", ("k1", TestKeys.Hs256())),
        };
        // Tests stream days of traffic in seconds: a per-minute limit on revocations would trip at once.
        settings.Detector.Quarantine.CircuitBreaker.MaxQuarantinesPerMinute = 0;
        settings.Detector.Pipeline.MaxFutureSkew = WorkerSettings.DefaultFutureSkew;
        return settings;
    }

    /// <summary>The same settings as --set arguments for a worker process.</summary>
    public static List<string> AsArguments(WorkerSettings s, IReadOnlyDictionary<string, string>? properties = null)
    {
        var pairs = new List<string>
        {
            $"Kafka:BootstrapServers={s.Kafka.BootstrapServers}",
            $"Kafka:GroupId={s.Kafka.GroupId}",
            $"Kafka:Provisioning={s.Kafka.Provisioning}",
            $"Kafka:Partitions={s.Kafka.Partitions}",
            $"Kafka:Idempotence={s.Kafka.Idempotence}",
            $"Kafka:Headers={s.Kafka.Headers}",
            $"Kafka:Checkpoint:Interval={s.Kafka.Checkpoint.Interval}",
            "Quarantine:CircuitBreaker:MaxQuarantinesPerMinute=0",
            "Signing:Enabled=true",
            $"Signing:ActiveKeyId={s.Signing.ActiveKeyId}",
        };
        foreach (var (kid, key) in s.Signing.Keys)
        {
            pairs.Add($"Signing:Keys:{kid}:Algorithm={key.Algorithm}");
            pairs.Add($"Signing:Keys:{kid}:Secret={key.Secret}");
        }
        if (s.Kafka.Provisioning == TopicProvisioning.TopicCommand)
        {
            pairs.Add($"Kafka:TopicCommand:KafkaHome={s.Kafka.TopicCommand.KafkaHome}");
            pairs.Add($"Kafka:TopicCommand:ZooKeeper={s.Kafka.TopicCommand.ZooKeeper}");
        }
        foreach (var (key, value) in properties ?? new Dictionary<string, string>())
            pairs.Add($"Kafka:Properties:{key}={value}");
        return pairs.SelectMany(p => new[] { "--set", p }).ToList();
    }
}
