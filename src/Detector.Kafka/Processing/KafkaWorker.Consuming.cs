using Confluent.Kafka;
using Detector.Kafka.Clients;
using Detector.Domain.Time;
using Detector.Pipeline.Records;
using Microsoft.Extensions.Logging;

namespace Detector.Kafka.Processing;

/// <summary>The consumer thread: polling, routing to scoring threads with back-pressure, ticks and commits.</summary>
public sealed partial class KafkaWorker
{
    private static readonly TimeSpan TickEvery = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LagEvery = TimeSpan.FromSeconds(1);

    private long _nextTick;
    private long _nextLaneTick;
    private long _nextLag;

    private void ConsumeLoop(CancellationToken stopping)
    {
        var config = ClientConfigs.GroupConsumer(_kafka, _kafka.GroupId, "agentdrift-worker");
        // The worker reads one topic and no headers: without these fields the client allocates no
        // topic-name string and no header list per record (a record's topic is then null).
        config.ConsumeResultFields = "timestamp";
        using var consumer = new ConsumerBuilder<Ignore, PipelineItem>(config)
            .SetValueDeserializer(new PooledItemDeserializer(_pool, _setup.Pipeline.Ingest.MaxRecordBytes))
            .SetPartitionsAssignedHandler((c, partitions) => OnAssigned(partitions))
            .SetPartitionsRevokedHandler((c, partitions) => OnRevoked(c, partitions))
            .SetPartitionsLostHandler((c, partitions) => OnLost(partitions))
            .SetLogHandler((_, m) => KafkaLog.Write(_logger, m))
            .SetErrorHandler((_, e) => OnClientError("consumer", e))
            .Build();
        consumer.Subscribe(_kafka.Topics.Input);
        try
        {
            while (!stopping.IsCancellationRequested && !_failed.IsCancellationRequested)
            {
                Tick(consumer);
                if (TryConsume(consumer, PollTimeout) is { } record)
                    Route(consumer, record, stopping);
            }
            if (!_failed.IsCancellationRequested)
            {
                PublishLag(consumer);
                Release(consumer, [.. _assigned.Keys]);
            }
        }
        finally
        {
            _started.TrySetResult();
            // Close leaves the group at once (the successor need not wait for the session timeout); the
            // revoke it triggers finds nothing left to release.
            consumer.Close();
        }
    }

    /// <summary>
    /// One poll. Errors librdkafka reports through Consume (a fetch that failed, a broker that went away)
    /// are retried by librdkafka itself: they are logged and polling goes on; fatal ones stop the worker.
    /// </summary>
    private ConsumeResult<Ignore, PipelineItem>? TryConsume(IConsumer<Ignore, PipelineItem> consumer, TimeSpan timeout)
    {
        try
        {
            return consumer.Consume(timeout);
        }
        catch (ConsumeException e) when (!e.Error.IsFatal)
        {
            _logger.LogWarning("consume: {Reason} (retried by the client)", e.Error.Reason);
            return null;
        }
    }

    /// <summary>
    /// Hands a record to its partition's scoring thread. A full queue first blocks the consumer briefly;
    /// if it stays full, every partition is paused and the consumer keeps polling (for rebalances and
    /// to stay in the group) until the record fits. Nothing is buffered beyond the bounded queues.
    /// </summary>
    private void Route(IConsumer<Ignore, PipelineItem> consumer, ConsumeResult<Ignore, PipelineItem> record, CancellationToken stopping)
    {
        var item = record.Message.Value;
        int partition = record.Partition.Value;
        item.Position = new RecordPosition(partition, record.Offset.Value);
        item.ProducedTime = record.Message.Timestamp.Type == TimestampType.NotAvailable
            ? null
            : EventTime.FromUnixMilliseconds(record.Message.Timestamp.UnixTimestampMs);
        // Read only by a delivery observer (the benchmark's latency probe): no clock read per record otherwise.
        item.ConsumedTime = Deliveries is null ? null : EventTime.FromDateTimeOffset(_clock.GetUtcNow());
        var lane = LaneOf(partition).Queue.Writer;
        var message = new LaneMessage(LaneCommand.Record, partition, item);
        Interlocked.Increment(ref _consumed);
        if (lane.TryWrite(message) || (WaitToWrite(lane, _kafka.PauseAfter) && lane.TryWrite(message)))
            return;

        consumer.Pause(consumer.Assignment);
        Metrics.Paused();
        var putBack = new HashSet<int>();
        try
        {
            while (!lane.TryWrite(message))
            {
                if (stopping.IsCancellationRequested || _failed.IsCancellationRequested || !_assigned.ContainsKey(partition))
                {
                    // Not scored: the final checkpoint stops before it, so whoever resumes reads it again.
                    Interlocked.Decrement(ref _consumed);
                    _pool.Return(item);
                    return;
                }
                if (!WaitToWrite(lane, PollTimeout))
                    PollWhilePaused(consumer, putBack);
            }
        }
        finally
        {
            consumer.Resume(consumer.Assignment);
        }
    }

    private static bool WaitToWrite(System.Threading.Channels.ChannelWriter<LaneMessage> lane, TimeSpan timeout) =>
        timeout > TimeSpan.Zero && lane.WaitToWriteAsync().AsTask().Wait(timeout);

    /// <summary>
    /// Polls for rebalance callbacks while paused. A record that still arrives (fetched before the pause,
    /// or from a partition assigned meanwhile) is put back: its partition is rewound to the first such
    /// record and paused; later ones of that partition come again from there.
    /// </summary>
    private void PollWhilePaused(IConsumer<Ignore, PipelineItem> consumer, HashSet<int> putBack)
    {
        Tick(consumer);
        if (TryConsume(consumer, TimeSpan.Zero) is not { } unexpected)
            return;
        if (putBack.Add(unexpected.Partition.Value))
        {
            // The consumer does not marshal topic names (see ConsumeLoop): name the input topic.
            var topicPartition = new TopicPartition(_kafka.Topics.Input, unexpected.Partition);
            consumer.Seek(new TopicPartitionOffset(topicPartition, unexpected.Offset));
            consumer.Pause([topicPartition]);
        }
        _pool.Return(unexpected.Message.Value);
    }

    /// <summary>Every 50 ms: completes checkpoints, commits what they cover, nudges idle partitions' checkpoints, publishes lag.</summary>
    private void Tick(IConsumer<Ignore, PipelineItem> consumer)
    {
        long now = _clock.GetTimestamp();
        if (now < _nextTick)
            return;
        _nextTick = now + Ticks(TickEvery);
        DispatchModelChanges();
        foreach (var runtime in _assigned.Values)
            runtime.Checkpointer.Advance(runtime.Progress);
        Commit(consumer, _assigned.Values);
        if (now >= _nextLaneTick)
        {
            _nextLaneTick = now + Ticks(_kafka.Checkpoint.Interval / 4);
            foreach (var lane in _lanes)
                lane.Queue.Writer.TryWrite(new LaneMessage(LaneCommand.Tick, -1));
        }
        if (now >= _nextLag)
        {
            _nextLag = now + Ticks(LagEvery);
            PublishLag(consumer);
        }
    }

    /// <summary>Commits, per partition, the offset its last completed checkpoint covers (never beyond: see PartitionCheckpointer).</summary>
    private void Commit(IConsumer<Ignore, PipelineItem> consumer, IEnumerable<PartitionRuntime> runtimes)
    {
        List<TopicPartitionOffset>? offsets = null;
        foreach (var runtime in runtimes)
        {
            long covered = runtime.Checkpointer.CoveredOffset;
            if (covered > runtime.Committed)
                (offsets ??= []).Add(new TopicPartitionOffset(_kafka.Topics.Input, runtime.Partition, covered));
        }
        if (offsets is null)
            return;
        try
        {
            consumer.Commit(offsets);
            foreach (var tpo in offsets)
            {
                if (_assigned.TryGetValue(tpo.Partition.Value, out var runtime))
                    runtime.Committed = tpo.Offset.Value;
            }
        }
        catch (KafkaException e)
        {
            // The changelog marker is what a successor resumes from; a failed commit is retried on the next tick.
            _logger.LogWarning("commit failed, retrying: {Reason}", e.Error.Reason);
        }
    }

    private void PublishLag(IConsumer<Ignore, PipelineItem> consumer)
    {
        var lag = new KeyValuePair<int, long>[_assigned.Count];
        int i = 0;
        foreach (int partition in _assigned.Keys)
        {
            var tp = new TopicPartition(_kafka.Topics.Input, partition);
            long high = consumer.GetWatermarkOffsets(tp).High.Value;
            long position = consumer.Position(tp).Value;
            lag[i++] = new(partition, high >= 0 && position >= 0 ? Math.Max(0, high - position) : 0);
        }
        Metrics.PublishLag(lag);
    }

    private ScoringLane LaneOf(int partition) => _lanes[partition % _lanes.Length];

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _clock.TimestampFrequency);
}
