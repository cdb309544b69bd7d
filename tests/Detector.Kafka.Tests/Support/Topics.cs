using System.Text;
using Confluent.Kafka;
using Detector.Kafka.Clients;

namespace Detector.Kafka.Tests.Support;

/// <summary>Reads and writes topics directly, the way an outside client would.</summary>
internal static class Topics
{
    /// <summary>How long the helpers wait for a broker on a loaded machine before they fail.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Produces every value and waits for the broker to acknowledge all of them; throws if one fails or is
    /// still unacknowledged at the deadline (a loaded machine must not turn into records silently missing).
    /// </summary>
    public static void Produce(KafkaOptions options, string topic, IEnumerable<byte[]> values, Func<byte[], int?>? partitionOf = null, Func<byte[], byte[]?>? keyOf = null)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(ClientConfigs.Producer(options, "test-producer")).Build();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Action<DeliveryReport<byte[]?, byte[]>> delivered = r =>
        {
            if (r.Error.IsError)
                failures.Enqueue(r.Error.Reason);
        };
        foreach (byte[] value in values)
        {
            var message = new Message<byte[]?, byte[]> { Key = keyOf?.Invoke(value), Value = value };
            if (partitionOf?.Invoke(value) is { } p)
                producer.Produce(new TopicPartition(topic, p), message, delivered);
            else
                producer.Produce(topic, message, delivered);
        }
        int unacknowledged = producer.Flush(Deadline);
        if (unacknowledged > 0 || !failures.IsEmpty)
            throw new InvalidOperationException($"producing to {topic}: {unacknowledged} records unacknowledged after {Deadline.TotalSeconds:0} s, {failures.Count} failed ({string.Join("; ", failures.Distinct())})");
    }

    /// <summary>Every record of every partition of <paramref name="topic"/> up to its current end.</summary>
    public static List<KafkaRecord> ReadAll(KafkaOptions options, string topic, int partitions)
    {
        using var reader = new ConsumerBuilder<byte[]?, byte[]>(ClientConfigs.Reader(options, "test-reader-" + Guid.NewGuid().ToString("N"))).Build();
        var records = new List<KafkaRecord>();
        var pending = new HashSet<int>();
        var assignment = new List<TopicPartitionOffset>();
        for (int p = 0; p < partitions; p++)
        {
            var tp = new TopicPartition(topic, p);
            var marks = reader.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10));
            if (marks.High.Value > marks.Low.Value)
            {
                pending.Add(p);
                assignment.Add(new TopicPartitionOffset(tp, marks.Low));
            }
        }
        reader.Assign(assignment);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (pending.Count > 0)
        {
            if (clock.Elapsed > Deadline)
                throw new TimeoutException($"reading {topic}: partitions {string.Join(", ", pending)} not read to their end after {Deadline.TotalSeconds:0} s ({records.Count} records read)");
            var r = reader.Consume(TimeSpan.FromMilliseconds(200));
            if (r is null)
                continue;
            if (r.IsPartitionEOF)
            {
                pending.Remove(r.Partition.Value);
                continue;
            }
            var headers = (r.Message.Headers ?? []).ToDictionary(h => h.Key, h => Encoding.UTF8.GetString(h.GetValueBytes()));
            records.Add(new KafkaRecord(r.Partition.Value, r.Offset.Value, r.Message.Key, r.Message.Value ?? [], headers));
        }
        reader.Close();
        return records;
    }

    /// <summary>The end offset of each partition.</summary>
    public static long[] EndOffsets(KafkaOptions options, string topic, int partitions)
    {
        using var reader = new ConsumerBuilder<byte[]?, byte[]>(ClientConfigs.Reader(options, "test-ends-" + Guid.NewGuid().ToString("N"))).Build();
        return Enumerable.Range(0, partitions).Select(p => reader.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value).ToArray();
    }

    /// <summary>What the group has committed for each partition (-1: nothing).</summary>
    public static long[] Committed(KafkaOptions options, string group, string topic, int partitions)
    {
        var config = ClientConfigs.GroupConsumer(options, group, "test-committed");
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(config).Build();
        var committed = consumer.Committed(Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(10));
        return committed.OrderBy(c => c.Partition.Value).Select(c => c.Offset.Value).ToArray();
    }

    /// <summary>Waits until the group has committed every partition to its end (all input processed); false on timeout.</summary>
    public static bool WaitUntilCommittedToEnd(KafkaOptions options, string group, string topic, int partitions, TimeSpan timeout)
    {
        var ends = EndOffsets(options, topic, partitions);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                if (Committed(options, group, topic, partitions).SequenceEqual(ends))
                    return true;
            }
            catch (KafkaException)
            {
                // The coordinator may be moving (fault injection): ask again.
            }
            Thread.Sleep(200);
        }
        return false;
    }
}
