using Detector.Domain.Events;
using Detector.Domain.Ingest;
using Detector.Domain.Time;
using Detector.Scoring.Engine;

namespace Detector.Pipeline.Ingest;

/// <summary>
/// Decides, per shard, whether a parsed event is applied: drops redeliveries (same event id within
/// the window), rejects events older than their agent's watermark (newest applied time minus the
/// allowed lateness) and events ahead of the ingest clock by more than the allowed skew.
/// </summary>
public sealed class IngestGate
{
    private readonly DedupWindow _dedup;
    private readonly TimeSpan _lateness;
    private readonly TimeSpan? _futureSkew;
    private readonly TimeProvider? _wallClock;
    private EventTime _streamHighWater = EventTime.MinValue;

    /// <param name="wallClock">The worker's arrival clock; null in replay, where the stream's newest applied time stands in.</param>
    public IngestGate(PipelineOptions options, TimeProvider? wallClock)
    {
        _dedup = new DedupWindow(options.DedupWindow, options.MaxRememberedEventIds);
        _lateness = options.AllowedLateness;
        _futureSkew = options.MaxFutureSkew;
        _wallClock = wallClock;
    }

    public DedupWindow Dedup => _dedup;

    public RejectReason Admit(ToolEvent e, IScoringShard shard)
    {
        ulong id = e.EventIdHash;
        if (_dedup.Contains(id))
            return RejectReason.Duplicate;
        if (shard.TryGetHighWater(e.Agent, out var highWater) && e.Time < highWater - _lateness)
            return RejectReason.LateEvent;
        if (_futureSkew is { } skew && IsFuture(e.Time, skew))
            return RejectReason.FutureTime;
        _dedup.Add(id, e.Time);
        _streamHighWater = EventTime.Max(_streamHighWater, e.Time);
        return RejectReason.None;
    }

    private bool IsFuture(EventTime time, TimeSpan skew)
    {
        if (_wallClock is not null)
            return time > EventTime.FromDateTimeOffset(_wallClock.GetUtcNow()) + skew;
        return _streamHighWater != EventTime.MinValue && time > _streamHighWater + skew;
    }
}
