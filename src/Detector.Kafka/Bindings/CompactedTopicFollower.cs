using Confluent.Kafka;
using Detector.Kafka.Admin;
using Detector.Kafka.Clients;
using Microsoft.Extensions.Logging;

namespace Detector.Kafka.Bindings;

/// <summary>
/// Reads every partition of a compacted topic from its beginning, without a consumer group, and keeps
/// following it on a thread of its own: the "global table" of Kafka Streams. <see cref="StartAsync"/>
/// returns once the records present at start have been applied. Following ends only on dispose or on
/// an error the client cannot retry (or a failure applying a record): then <see cref="Stopped"/> faults,
/// so the owner stops rather than serve a table that silently went stale.
/// </summary>
internal sealed class CompactedTopicFollower(KafkaOptions options, string topic, string clientId, Action<byte[], byte[]?> apply, ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;

    public long Applied { get; private set; }

    /// <summary>Completes when following ends: normally on dispose, faulted when it failed.</summary>
    public Task Stopped => _stopped.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var consumer = new ConsumerBuilder<byte[], byte[]?>(ClientConfigs.Reader(options, clientId))
            .SetLogHandler((_, m) => KafkaLog.Write(logger, m))
            .Build();
        var partitions = Partitions();
        var pending = new HashSet<int>();
        foreach (var tp in partitions)
        {
            var marks = consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(30));
            if (marks.High.Value > marks.Low.Value)
                pending.Add(tp.Partition.Value);
        }
        consumer.Assign(partitions.Select(tp => new TopicPartitionOffset(tp, Offset.Beginning)));
        if (pending.Count == 0)
            _caughtUp.TrySetResult();
        _thread = new Thread(() => Follow(consumer, pending)) { IsBackground = true, Name = "agentdrift-follow-" + topic };
        _thread.Start();
        await _caughtUp.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Follow(IConsumer<byte[], byte[]?> consumer, HashSet<int> pending)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                ConsumeResult<byte[], byte[]?>? record;
                try
                {
                    record = consumer.Consume(TimeSpan.FromMilliseconds(100));
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    // A failed fetch or a broker gone away: librdkafka retries; keep following.
                    logger.LogWarning("following {Topic}: {Reason}", topic, e.Error.Reason);
                    continue;
                }
                if (record is null)
                    continue;
                if (record.IsPartitionEOF)
                {
                    if (pending.Remove(record.Partition.Value) && pending.Count == 0)
                        _caughtUp.TrySetResult();
                    continue;
                }
                if (record.Message.Key is { } key)
                    Apply(key, record);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "following {Topic} stopped", topic);
            _caughtUp.TrySetException(e);
            _stopped.TrySetException(e);
        }
        finally
        {
            consumer.Close();
            consumer.Dispose();
            _stopped.TrySetResult();
        }
    }

    /// <summary>
    /// Applies one record. One that cannot be decoded (another version's, or not ours) is skipped with
    /// its position: a shared table must not stop following, or stop a worker starting, for one record.
    /// </summary>
    private void Apply(byte[] key, ConsumeResult<byte[], byte[]?> record)
    {
        try
        {
            apply(key, record.Message.Value);
            Applied++;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            logger.LogWarning("following {Topic}: skipped the record at {TopicPartitionOffset}: {Reason}", topic, record.TopicPartitionOffset, e.Message);
        }
    }

    private List<TopicPartition> Partitions() =>
        Enumerable.Range(0, TopicPartitions.Count(options, topic)).Select(p => new TopicPartition(topic, p)).ToList();

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
    }
}
