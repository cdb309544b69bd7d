using Confluent.Kafka;

namespace Detector.Kafka.Clients;

/// <summary>
/// Builds every client's configuration in one place: the worker's defaults first, then
/// <see cref="KafkaOptions.Properties"/>, so an operator's setting always wins.
/// </summary>
public static class ClientConfigs
{
    /// <summary>The detector's group consumer: offsets stored and committed by the worker only after outputs and checkpoints are durable.</summary>
    public static ConsumerConfig GroupConsumer(KafkaOptions options, string groupId, string clientId)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = groupId,
            ClientId = clientId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // 0.9 brokers cap the session timeout at 30 s; a shorter one also hands a dead worker's partitions over sooner.
            SessionTimeoutMs = 10_000,
            FetchWaitMaxMs = 100,
        };
        // Measured here (../shared/PLATFORM.md): the default prefetch backoff stalls a fast consumer 2-4x.
        config.Set("fetch.queue.backoff.ms", "5");
        config.Set("queued.max.messages.kbytes", "262144");
        return Apply(config, options);
    }

    /// <summary>A consumer that reads assigned partitions without a group (changelog restore, global tables).</summary>
    public static ConsumerConfig Reader(KafkaOptions options, string clientId)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            // librdkafka needs a group id for its internal bookkeeping even when nothing is committed.
            GroupId = clientId,
            ClientId = clientId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = true,
            FetchWaitMaxMs = 100,
        };
        config.Set("fetch.queue.backoff.ms", "5");
        return Apply(config, options);
    }

    public static ProducerConfig Producer(KafkaOptions options, string clientId)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = clientId,
            Acks = Acks.All,
            EnableIdempotence = options.Idempotence,
            LingerMs = 5,
            CompressionType = CompressionType.Lz4,
        };
        if (!options.Idempotence)
        {
            // Without idempotence a retried batch may overtake the next one; one request in flight keeps
            // each partition in order (a changelog marker must never precede its snapshots).
            config.MaxInFlight = 1;
        }
        return Apply(config, options);
    }

    public static AdminClientConfig Admin(KafkaOptions options) => Apply(new AdminClientConfig { BootstrapServers = options.BootstrapServers }, options);

    private static T Apply<T>(T config, KafkaOptions options)
        where T : ClientConfig
    {
        foreach (var (key, value) in options.Properties)
            config.Set(key, value);
        return config;
    }
}
