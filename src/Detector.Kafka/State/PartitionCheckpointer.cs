using Confluent.Kafka;
using Detector.Kafka.Outputs;
using Detector.Kafka.Processing;
using Detector.Kafka.Telemetry;
using Microsoft.Extensions.Logging;

namespace Detector.Kafka.State;

/// <summary>
/// Writes one partition's checkpoints to the changelog and decides when one is complete:
/// 1. the owner (the scoring thread) hands over the changed agents' snapshots and the marker, all
///    covering input offset C; the snapshots are produced at once;
/// 2. once they are acknowledged and every output of the records before C is too, the marker is
///    produced (so a marker on the log proves both the state and the outputs up to C are durable);
/// 3. once the marker is acknowledged, C is the partition's <see cref="CoveredOffset"/>, which the
///    consumer commits and a successor resumes from.
/// At most one checkpoint is in flight per partition. Steps 2 and 3 run on the consumer thread
/// (<see cref="Advance"/>); acknowledgements arrive on the producer's thread.
/// </summary>
/// <remarks>
/// A snapshot larger than the producer's message.max.bytes is left out (and counted): that agent starts
/// again from the model after a restore, which loses its recent learning but never double-counts.
/// </remarks>
internal sealed class PartitionCheckpointer(int partition, TopicPartition changelog, IProducer<byte[]?, byte[]> producer, KafkaMetrics metrics,
    Action<string> onFailure, ILogger logger)
{
    private volatile Pending? _pending;

    /// <summary>The input offset the last completed checkpoint covers; -1 before the first.</summary>
    public long CoveredOffset { get; private set; } = -1;

    public bool IsIdle => _pending is null;

    public void Restored(long coveredOffset) => CoveredOffset = coveredOffset;

    /// <summary>Step 1: starts a checkpoint (only when idle).</summary>
    public void Begin(long coveredOffset, IReadOnlyList<CheckpointRecord> snapshots, CheckpointRecord marker)
    {
        if (_pending is not null)
            throw new InvalidOperationException($"partition {partition} already has a checkpoint in flight");
        var pending = new Pending(coveredOffset, marker, snapshots.Count);
        long bytes = marker.Value.Length;
        _pending = pending;
        foreach (var record in snapshots)
        {
            try
            {
                Produce(record, pending.SnapshotAcknowledged);
                bytes += record.Value.Length;
            }
            catch (ProduceException<byte[]?, byte[]> e) when (e.Error.Code == ErrorCode.MsgSizeTooLarge)
            {
                pending.SnapshotAcknowledged();
                metrics.SnapshotTooLarge();
                logger.LogWarning("partition {Partition}: an agent snapshot of {Bytes} bytes exceeds message.max.bytes and is not checkpointed", partition, record.Value.Length);
            }
        }
        metrics.CheckpointWritten(bytes);
    }

    /// <summary>Steps 2 and 3; true when idle afterwards. Consumer thread.</summary>
    public bool Advance(PartitionProgress progress)
    {
        var pending = _pending;
        if (pending is null)
            return true;
        if (pending.SnapshotsOutstanding > 0)
            return false;
        if (!pending.MarkerSent)
        {
            if (progress.DurableThrough() < pending.CoveredOffset)
                return false;
            pending.MarkerSent = true;
            Produce(pending.Marker, pending.MarkerAcknowledged);
            return false;
        }
        if (!pending.MarkerDone)
            return false;
        CoveredOffset = pending.CoveredOffset;
        _pending = null;
        return true;
    }

    private void Produce(CheckpointRecord record, Action acknowledged)
    {
        var message = new Message<byte[]?, byte[]> { Key = record.Key, Value = record.Value };
        OutputProducer.Produce(producer, changelog, message, report =>
        {
            if (report.Error.IsError)
                onFailure($"checkpoint of partition {partition} was not written to {changelog}: {report.Error.Reason}");
            else
                acknowledged();
        });
    }

    private sealed class Pending(long coveredOffset, CheckpointRecord marker, int snapshots)
    {
        private int _snapshotsOutstanding = snapshots;
        private volatile bool _markerDone;

        public long CoveredOffset { get; } = coveredOffset;

        public CheckpointRecord Marker { get; } = marker;

        public int SnapshotsOutstanding => Volatile.Read(ref _snapshotsOutstanding);

        public bool MarkerSent { get; set; }

        public bool MarkerDone => _markerDone;

        public void SnapshotAcknowledged() => Interlocked.Decrement(ref _snapshotsOutstanding);

        public void MarkerAcknowledged() => _markerDone = true;
    }
}
