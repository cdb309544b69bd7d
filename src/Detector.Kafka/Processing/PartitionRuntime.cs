using Detector.Domain.Identity;
using Detector.Kafka.State;
using Detector.Pipeline.Stages;
using Detector.Scoring.Engine;

namespace Detector.Kafka.Processing;

/// <summary>
/// Everything one assigned input partition owns: its agents' scoring state and the peer groups they
/// taught (an <see cref="EngineShard"/> inside a <see cref="ShardStep"/> with its de-duplication window
/// and quarantine cooldowns), the progress of its outputs and its checkpoints. The scoring state is
/// touched only by the scoring thread the partition is given to, until that thread hands it back on revoke.
/// </summary>
internal sealed class PartitionRuntime(
    int partition,
    PartitionScoring scoring,
    PartitionProgress progress,
    PartitionCheckpointer checkpointer,
    CheckpointOptions options,
    TimeProvider clock)
{
    private readonly Dictionary<AgentId, int> _snapshotBytes = [];
    private long _stateBytes;
    // Partitions of one scoring thread start their cycles at different phases (golden-ratio spacing), so
    // their checkpoints, each a pause of that thread, do not all fall due at once.
    private long _nextCheckpoint = clock.GetTimestamp() + Ticks(clock, options.Interval * (0.5 + partition * 0.6180339887 % 1));

    public int Partition { get; } = partition;

    /// <summary>The active model's state and step; replaced when the worker switches models (scoring thread).</summary>
    public PartitionScoring Active { get; set; } = scoring;

    /// <summary>A candidate model scoring the same records, its outputs only compared (scoring thread).</summary>
    public PartitionScoring? Shadow { get; set; }

    public ShardStep Step => Active.Step;

    public PartitionProgress Progress { get; } = progress;

    public PartitionCheckpointer Checkpointer { get; } = checkpointer;

    /// <summary>Serialized size of the partition's agents as last checkpointed or restored (read from any thread).</summary>
    public long StateBytes => Interlocked.Read(ref _stateBytes);

    /// <summary>Agents with state in memory (read from any thread, approximate while scoring).</summary>
    public long Agents => Active.Shard.Counters.Agents;

    /// <summary>The offset after the last record processed; -1 before the first (scoring thread).</summary>
    public long NextOffset { get; set; } = -1;

    /// <summary>The offset last committed for this partition (consumer thread).</summary>
    public long Committed { get; set; } = -1;

    /// <summary>Starts a periodic checkpoint when one is due, nothing is in flight and records were processed since the last.</summary>
    public void CheckpointIfDue()
    {
        long now = clock.GetTimestamp();
        if (now < _nextCheckpoint || !Checkpointer.IsIdle || NextOffset <= Checkpointer.CoveredOffset)
            return;
        _nextCheckpoint = now + Ticks(clock, options.Interval);
        Checkpoint();
    }

    /// <summary>The final checkpoint on revoke or shutdown, by the thread that now owns the partition.</summary>
    public void CheckpointNow()
    {
        if (Checkpointer.IsIdle && NextOffset > Checkpointer.CoveredOffset)
            Checkpoint();
    }

    private void Checkpoint()
    {
        var snapshots = new List<CheckpointRecord>();
        var shard = Active.Shard;
        foreach (var (agent, snapshot) in shard.Snapshot(shard.TakeDirtyAgents()))
        {
            SnapshotTaken(agent, snapshot.Length);
            snapshots.Add(new CheckpointRecord(ChangelogCodec.AgentKey(Partition, agent), ChangelogCodec.Value(ChangelogRecordKind.Agent, NextOffset, snapshot)));
        }
        using var marker = new MemoryStream();
        using (var w = new BinaryWriter(marker))
        {
            Step.Gate.Dedup.Write(w, options.DedupIds);
            Step.Policy.WriteState(w);
            shard.WriteGroups(w);
        }
        var markerRecord = new CheckpointRecord(ChangelogCodec.MarkerKey(Partition), ChangelogCodec.Value(ChangelogRecordKind.Marker, NextOffset, marker.ToArray()));
        Checkpointer.Begin(NextOffset, snapshots, markerRecord);
    }

    /// <summary>Counts an agent's latest snapshot (checkpointed or restored) in <see cref="StateBytes"/>.</summary>
    public void SnapshotTaken(AgentId agent, int bytes)
    {
        _snapshotBytes.TryGetValue(agent, out int before);
        _snapshotBytes[agent] = bytes;
        Interlocked.Add(ref _stateBytes, bytes - before);
    }

    private static long Ticks(TimeProvider clock, TimeSpan span) => (long)(span.TotalSeconds * clock.TimestampFrequency);
}
