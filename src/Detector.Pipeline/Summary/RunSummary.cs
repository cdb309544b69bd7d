using Detector.Domain.Ingest;
using Detector.Domain.Outputs;
using Detector.Scoring.Engine;

namespace Detector.Pipeline.Summary;

/// <summary>What a run did: counts by disposition, reject reason, alert kind and severity, signal action.</summary>
public sealed class RunSummary
{
    private readonly long[] _rejects = new long[Enum.GetValues<RejectReason>().Length];
    private readonly long[] _signals = new long[Enum.GetValues<QuarantineAction>().Length];
    private readonly SortedDictionary<(string Kind, Severity Severity), long> _alerts = new();

    public long Records { get; internal set; }
    public long Applied { get; internal set; }
    public long Duplicates => _rejects[(int)RejectReason.Duplicate];
    public long Late => _rejects[(int)RejectReason.LateEvent];
    public long Future => _rejects[(int)RejectReason.FutureTime];
    public long BlankLines { get; set; }
    public int Sessions { get; set; }
    public long EventIdsEvicted { get; set; }
    public StateCounters State { get; } = new();
    public TimeSpan Elapsed { get; set; }
    public string ModelVersion { get; set; } = "";
    public string InputName { get; set; } = "";

    public long Rejected(RejectReason reason) => _rejects[(int)reason];

    /// <summary>Records dead-lettered (every reject except duplicates).</summary>
    public long DeadLettered => _rejects.Sum() - Duplicates;

    public long Alerts => _alerts.Values.Sum();

    public long Signals => _signals.Sum();

    public long SignalsFor(QuarantineAction action) => _signals[(int)action];

    public IReadOnlyDictionary<(string Kind, Severity Severity), long> AlertsByKind => _alerts;

    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Records / Elapsed.TotalSeconds : 0;

    internal void CountReject(RejectReason reason) => _rejects[(int)reason]++;

    internal void CountAlert(Alert alert)
    {
        var key = (alert.Kind, alert.Severity);
        _alerts[key] = _alerts.GetValueOrDefault(key) + 1;
    }

    internal void CountSignal(QuarantineSignal signal) => _signals[(int)signal.Data.Action]++;
}
