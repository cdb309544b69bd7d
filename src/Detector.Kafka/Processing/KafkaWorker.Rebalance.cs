using System.Diagnostics;
using Confluent.Kafka;
using Detector.Pipeline.Records;
using Microsoft.Extensions.Logging;

namespace Detector.Kafka.Processing;

/// <summary>
/// Rebalance handlers (run by librdkafka inside Consume, on the consumer thread). Assignment restores
/// each partition's state and resumes at the offset its last checkpoint covers; revoke drains the
/// partition through its scoring thread, writes a final checkpoint, commits and parks the state; loss
/// drops it at once (another worker may already own it, so nothing is written or committed).
/// With the eager protocol every rebalance revokes everything: a parked partition that comes straight
/// back keeps its state in memory (identical to its final checkpoint) instead of restoring it, and
/// parked partitions not given back are dropped.
/// </summary>
public sealed partial class KafkaWorker
{
    private IEnumerable<TopicPartitionOffset> OnAssigned(List<TopicPartition> partitions)
    {
        var start = new List<TopicPartitionOffset>(partitions.Count);
        foreach (var tp in partitions)
        {
            int partition = tp.Partition.Value;
            Offset resume;
            if (_parked.Remove(partition, out var runtime))
            {
                long covered = runtime.Checkpointer.CoveredOffset;
                resume = covered >= 0 ? new Offset(covered) : Offset.Unset;
            }
            else
            {
                var restored = _restorer!.Restore(partition, _failed.Token);
                runtime = _factory!.Create(partition, restored);
                resume = restored is null ? Offset.Unset : new Offset(restored.CoveredOffset);
            }
            _assigned[partition] = runtime;
            LaneOf(partition).Queue.Writer.WriteAsync(new LaneMessage(LaneCommand.Assign, partition, Runtime: runtime), _failed.Token).AsTask().Wait(_failed.Token);
            start.Add(new TopicPartitionOffset(tp, resume));
        }
        _parked.Clear();
        _live = [.. _assigned.Values];
        _logger.LogInformation("assigned partitions {Partitions}", string.Join(",", partitions.Select(p => p.Partition.Value)));
        _started.TrySetResult();
        return start;
    }

    private void OnRevoked(IConsumer<Ignore, PipelineItem> consumer, List<TopicPartitionOffset> partitions)
    {
        var owned = partitions.Select(p => p.Partition.Value).Where(_assigned.ContainsKey).ToList();
        if (owned.Count == 0)
            return;
        if (_failed.IsCancellationRequested)
            Forget(owned);
        else
            Release(consumer, owned);
    }

    private void OnLost(List<TopicPartitionOffset> partitions)
    {
        var owned = partitions.Select(p => p.Partition.Value).Where(_assigned.ContainsKey).ToList();
        _logger.LogWarning("partitions {Partitions} lost: their state is dropped without a checkpoint", string.Join(",", owned));
        Drop(owned);
    }

    /// <summary>
    /// 1. Each partition's scoring thread hands its state back once it has scored every record queued
    ///    before the request. 2. A checkpoint already in flight completes. 3. A final checkpoint covers
    ///    the last scored record and completes once its outputs are acknowledged. 4. Commit, drop.
    /// </summary>
    private void Release(IConsumer<Ignore, PipelineItem> consumer, IReadOnlyList<int> partitions)
    {
        var clock = Stopwatch.StartNew();
        var released = HandBack(partitions, LaneCommand.Release);
        bool drained = WaitUntilIdle(released, clock);
        foreach (var runtime in released)
            runtime.CheckpointNow();
        drained = drained && WaitUntilIdle(released, clock);
        if (drained)
        {
            Commit(consumer, released);
            // Fully checkpointed: if the partition comes straight back, its state in memory is the checkpoint's.
            foreach (var runtime in released)
                _parked[runtime.Partition] = runtime;
        }
        else
        {
            _logger.LogWarning("revoke of partitions {Partitions} timed out after {Timeout}: their successor resumes from the previous checkpoint",
                string.Join(",", partitions), _kafka.Checkpoint.DrainTimeout);
        }
        Forget(partitions);
        _logger.LogInformation("released partitions {Partitions} in {Elapsed} ms", string.Join(",", partitions), clock.ElapsedMilliseconds);
    }

    private void Drop(IReadOnlyList<int> partitions)
    {
        HandBack(partitions, LaneCommand.Drop);
        Forget(partitions);
    }

    /// <summary>Forgets partitions without involving their scoring threads (after a failure they may be gone).</summary>
    private void Forget(IReadOnlyList<int> partitions)
    {
        foreach (int partition in partitions)
            _assigned.Remove(partition);
        _live = [.. _assigned.Values];
    }

    /// <summary>Asks each partition's scoring thread to give the partition up and waits until it has.</summary>
    private List<PartitionRuntime> HandBack(IReadOnlyList<int> partitions, LaneCommand command)
    {
        var requests = new List<Task<PartitionRuntime?>>(partitions.Count);
        foreach (int partition in partitions)
        {
            var done = new TaskCompletionSource<PartitionRuntime?>(TaskCreationOptions.RunContinuationsAsynchronously);
            LaneOf(partition).Queue.Writer.WriteAsync(new LaneMessage(command, partition, Done: done), _failed.Token).AsTask().Wait(_failed.Token);
            requests.Add(done.Task);
        }
        Task.WaitAll(requests, _failed.Token);
        return requests.Select(r => r.Result).OfType<PartitionRuntime>().ToList();
    }

    /// <summary>Drives the checkpoints of <paramref name="runtimes"/> until none is in flight; false on timeout or failure.</summary>
    private bool WaitUntilIdle(List<PartitionRuntime> runtimes, Stopwatch clock)
    {
        while (true)
        {
            bool idle = true;
            foreach (var runtime in runtimes)
                idle &= runtime.Checkpointer.Advance(runtime.Progress);
            if (idle)
                return true;
            if (_failed.IsCancellationRequested || clock.Elapsed > _kafka.Checkpoint.DrainTimeout)
                return false;
            Thread.Sleep(2);
        }
    }
}
