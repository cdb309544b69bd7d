using System.Diagnostics;
using Confluent.Kafka;
using Detector.Kafka.Clients;

namespace Detector.Kafka.Admin;

/// <summary>
/// A topic's partition count from the cluster's metadata, waiting a while for it: a topic created
/// through ZooKeeper (Kafka 0.9) reaches the brokers' metadata a moment later.
/// </summary>
public static class TopicPartitions
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static int Count(KafkaOptions options, string topic)
    {
        using var admin = new AdminClientBuilder(ClientConfigs.Admin(options)).Build();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var t = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.FirstOrDefault(t => t.Topic == topic);
                if (t is { Error.Code: ErrorCode.NoError, Partitions.Count: > 0 })
                    return t.Partitions.Count;
            }
            catch (KafkaException) when (clock.Elapsed < Wait)
            {
                // The cluster is still starting, or the topic is on its way into the metadata.
            }
            if (clock.Elapsed > Wait)
                throw new InvalidOperationException($"topic {topic} does not exist (create it, or set Kafka:Provisioning)");
            Thread.Sleep(200);
        }
    }
}
