using System.Diagnostics.Metrics;

namespace Detector.Kafka.Telemetry;

/// <summary>
/// The worker's checkpoint figures as System.Diagnostics.Metrics counters on the "AgentDrift" meter
/// (dot names, UCUM units, as the detector's other instruments), and the consumer lag as a snapshot the
/// consumer thread publishes (one writer) for the lag gauge and summaries to read.
/// </summary>
public sealed class KafkaMetrics : IDisposable
{
    public const string MeterName = "AgentDrift";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _checkpoints;
    private readonly Counter<long> _checkpointBytes;
    private readonly Counter<long> _restoredAgents;
    private readonly Counter<long> _snapshotsTooLarge;
    private volatile KeyValuePair<int, long>[] _lag = [];
    private long _checkpointCount;
    private long _restoredAgentCount;
    private long _pauses;

    /// <param name="meter">The detector's meter, so one exporter serves these too; null: a meter of its own.</param>
    public KafkaMetrics(Meter? meter = null)
    {
        _ownsMeter = meter is null;
        _meter = meter ?? new Meter(MeterName);
        _checkpoints = _meter.CreateCounter<long>("agentdrift.checkpoints", "{checkpoint}", "Partition checkpoints started.");
        _checkpointBytes = _meter.CreateCounter<long>("agentdrift.checkpoint.bytes", "By", "Bytes written to the state changelog.");
        _restoredAgents = _meter.CreateCounter<long>("agentdrift.restored_agents", "{agent}", "Agent snapshots restored on partition assignment.");
        _snapshotsTooLarge = _meter.CreateCounter<long>("agentdrift.checkpoint.snapshots_too_large", "{agent}", "Agent snapshots left out of a checkpoint for exceeding message.max.bytes.");
    }

    public long Checkpoints => Interlocked.Read(ref _checkpointCount);

    public long RestoredAgents => Interlocked.Read(ref _restoredAgentCount);

    /// <summary>Times the consumer paused its partitions because a scoring queue stayed full.</summary>
    public long Pauses => Interlocked.Read(ref _pauses);

    /// <summary>Records behind the end of each assigned input partition, as last published.</summary>
    public IReadOnlyList<KeyValuePair<int, long>> LagByPartition => _lag;

    /// <summary>Total lag over the assigned partitions at the last publication.</summary>
    public long Lag
    {
        get
        {
            long total = 0;
            foreach (var (_, lag) in _lag)
                total += lag;
            return total;
        }
    }

    internal void CheckpointWritten(long bytes)
    {
        Interlocked.Increment(ref _checkpointCount);
        _checkpoints.Add(1);
        _checkpointBytes.Add(bytes);
    }

    internal void AgentsRestored(int count)
    {
        Interlocked.Add(ref _restoredAgentCount, count);
        _restoredAgents.Add(count);
    }

    internal void Paused() => Interlocked.Increment(ref _pauses);

    internal void SnapshotTooLarge() => _snapshotsTooLarge.Add(1);

    internal void PublishLag(KeyValuePair<int, long>[] lagByPartition) => _lag = lagByPartition;

    public void Dispose()
    {
        if (_ownsMeter)
            _meter.Dispose();
    }
}
