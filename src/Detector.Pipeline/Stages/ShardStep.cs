using Detector.Domain.Ingest;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Pipeline.Enforcement;
using Detector.Pipeline.Ingest;
using Detector.Pipeline.Records;
using Detector.Pipeline.Sources;
using Detector.Scoring.Engine;

namespace Detector.Pipeline.Stages;

/// <summary>
/// One shard's work on a parsed event: admission (duplicates, lateness, skew), scoring, and the
/// quarantine decision. Owns the shard's state; called by exactly one thread.
/// </summary>
public sealed class ShardStep(IScoringShard shard, IngestGate gate, QuarantinePolicy policy, IRecordOrigin source, TimeProvider? wallClock, IScoredEventTap? tap = null)
{
    private readonly ScoreResult _result = new();

    public IScoringShard Shard => shard;

    public IngestGate Gate => gate;

    public QuarantinePolicy Policy => policy;

    public Completion Process(PipelineItem item)
    {
        var e = item.Event;
        var reason = gate.Admit(e, shard);
        if (reason != RejectReason.None)
            return ParseStep.Reject(item, new ParseResult(reason, null), source);

        EventTime detectedAt = wallClock is null ? e.Time : EventTime.FromDateTimeOffset(wallClock.GetUtcNow());
        _result.Clear();
        shard.Process(e, detectedAt, _result);
        tap?.Observe(e, _result);
        Alert[] alerts = _result.Alerts.Count == 0 ? [] : _result.Alerts.ToArray();
        var decision = policy.Decide(alerts, _result.SessionCredentials);
        if (decision.Notice is { } notice)
            alerts = [.. alerts, notice];
        return new Completion
        {
            Sequence = item.Sequence,
            Position = item.Position,
            Disposition = Disposition.Applied,
            Alerts = alerts,
            Signals = decision.Signal is { } signal ? [signal] : [],
            Session = _result.Session,
            SessionRisk = _result.SessionRisk,
            EventTime = e.Time,
            ProducedTime = item.ProducedTime,
            ConsumedTime = item.ConsumedTime,
        };
    }
}
