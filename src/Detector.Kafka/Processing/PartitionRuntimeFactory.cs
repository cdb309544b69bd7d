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
    private volatile DetectionEngine _engine = engine;
    private volatile ShadowEngine? _shadow;

    /// <summary>The active model's engine: partitions assigned from now on score with it.</summary>
    public DetectionEngine Engine
    {
        get => _engine;
        set => _engine = value;
    }

    /// <summary>The candidate in shadow, if any: partitions assigned from now on also score with it.</summary>
    public ShadowEngine? ShadowEngine
    {
        get => _shadow;
        set => _shadow = value;
    }

    public PartitionRuntime Create(int partition, RestoredPartition? restored)
    {
        var changelog = new TopicPartition(kafka.Topics.State, partition % changelogPartitions);
        var checkpointer = new PartitionCheckpointer(partition, changelog, producer, metrics, onFailure, logger);
        var runtime = new PartitionRuntime(
            partition,
            Active(_engine.CreateShard(), new IngestGate(pipeline, clock), new QuarantinePolicy(quarantine, guard, clock)),
            new PartitionProgress(partition, onFailure),
            checkpointer,
            kafka.Checkpoint,
            clock);
        if (restored is not null)
            Rehydrate(runtime, restored);
        runtime.Shadow = _shadow is { } shadow ? Shadow(shadow) : null;
        return runtime;
    }

    /// <summary>The active model's scoring over <paramref name="shard"/>, keeping the partition's de-duplication window and cooldowns.</summary>
    public PartitionScoring Active(EngineShard shard, IngestGate gate, QuarantinePolicy policy) =>
        new(shard, new ShardStep(instruments is null ? shard : instruments.Timed(shard), gate, policy, origin, clock, tap));

    /// <summary>
    /// A candidate's scoring, starting from its model alone: its own admission and quarantine decisions
    /// (a breaker of its own, so its would-be quarantines never open the active one), no tap and no timing.
    /// </summary>
    public PartitionScoring Shadow(ShadowEngine shadow)
    {
        var shard = shadow.Engine.CreateShard();
        return new(shard, new ShardStep(shard, new IngestGate(pipeline, clock), new QuarantinePolicy(quarantine, shadow.Guard, clock), origin, clock), shadow.Comparison);
    }

    private void Rehydrate(PartitionRuntime runtime, RestoredPartition restored)
    {
        var shard = runtime.Active.Shard;
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
        bool groups;
        using (var r = new BinaryReader(new MemoryStream(restored.Marker.ToArray(), writable: false)))
        {
            runtime.Step.Gate.Dedup.Read(r);
            runtime.Step.Policy.ReadState(r);
            // Markers written before groups were checkpointed end here.
            groups = r.BaseStream.Position < r.BaseStream.Length && shard.RestoreGroups(r);
        }
        runtime.Checkpointer.Restored(restored.CoveredOffset);
        runtime.NextOffset = restored.CoveredOffset;
        runtime.Committed = -1;
        metrics.AgentsRestored(agents);
        logger.LogInformation("partition {Partition}: restored {Agents} agents ({Unreadable} unreadable), {Groups} and the checkpoint at offset {Offset} from {Bytes} changelog bytes",
            runtime.Partition, agents, unreadable, groups ? "their peer groups" : "the model's peer groups (the checkpoint has none for this model)", restored.CoveredOffset, restored.ChangelogBytes);
    }
}
