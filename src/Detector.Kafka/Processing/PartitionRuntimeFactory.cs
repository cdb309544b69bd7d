using Confluent.Kafka;
using Detector.Kafka.State;
using Detector.Kafka.Telemetry;
using Detector.Pipeline;
using Detector.Pipeline.Enforcement;
using Detector.Pipeline.Ingest;
using Detector.Pipeline.Metrics;
using Detector.Pipeline.Sources;
using Detector.Pipeline.Stages;
using Detector.Scoring.Engine;
using Microsoft.Extensions.Logging;

namespace Detector.Kafka.Processing;

/// <summary>Creates a partition's runtime on assignment, rehydrated from its last completed checkpoint.</summary>
internal sealed class PartitionRuntimeFactory(
    DetectionEngine engine,
    PipelineOptions pipeline,
    QuarantineOptions quarantine,
    EnforcementGuard guard,
    IRecordOrigin origin,
    KafkaOptions kafka,
    int changelogPartitions,
    IProducer<byte[]?, byte[]> producer,
    KafkaMetrics metrics,
    TimeProvider clock,
    IScoredEventTap? tap,
    DetectorMetrics? instruments,
    Action<string> onFailure,
    ILogger logger)
{
    public PartitionRuntime Create(int partition, RestoredPartition? restored)
    {
        var shard = engine.CreateShard();
        var gate = new IngestGate(pipeline, clock);
        var policy = new QuarantinePolicy(quarantine, guard, clock);
        var changelog = new TopicPartition(kafka.Topics.State, partition % changelogPartitions);
        var checkpointer = new PartitionCheckpointer(partition, changelog, producer, metrics, onFailure, logger);
        var runtime = new PartitionRuntime(
            partition,
            shard,
            new ShardStep(instruments is null ? shard : instruments.Timed(shard), gate, policy, origin, clock, tap),
            new PartitionProgress(partition, onFailure),
            checkpointer,
            kafka.Checkpoint,
            clock);
        if (restored is not null)
            Rehydrate(runtime, shard, restored);
        return runtime;
    }

    private void Rehydrate(PartitionRuntime runtime, EngineShard shard, RestoredPartition restored)
    {
        int agents = 0, unreadable = 0;
        foreach (var snapshot in restored.Agents)
        {
            try
            {
                runtime.SnapshotTaken(shard.Restore(snapshot.Span), snapshot.Length);
                agents++;
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                // A snapshot from another engine version: that agent starts again from the model, as if evicted.
                unreadable++;
            }
        }
        using (var r = new BinaryReader(new MemoryStream(restored.Marker.ToArray(), writable: false)))
        {
            runtime.Step.Gate.Dedup.Read(r);
            runtime.Step.Policy.ReadState(r);
        }
        runtime.Checkpointer.Restored(restored.CoveredOffset);
        runtime.NextOffset = restored.CoveredOffset;
        runtime.Committed = -1;
        metrics.AgentsRestored(agents);
        logger.LogInformation("partition {Partition}: restored {Agents} agents ({Unreadable} unreadable) and the checkpoint at offset {Offset} from {Bytes} changelog bytes",
            runtime.Partition, agents, unreadable, restored.CoveredOffset, restored.ChangelogBytes);
    }
}
