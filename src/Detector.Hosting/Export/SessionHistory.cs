using Detector.Domain.Identity;
using Detector.Web.Feedback;

namespace Detector.Hosting.Export;

/// <summary>Everything the inputs say about one session, gathered in input order until its row is made.</summary>
internal sealed class SessionHistory(SessionKey session)
{
    private readonly List<HistoryAlert> _alerts = [];
    private readonly List<VerdictRecord> _verdicts = [];
    private HistoryScore? _score;

    public SessionKey Session { get; } = session;

    public void Add(HistoryScore score) => _score = score;

    public void Add(HistoryAlert alert) => _alerts.Add(alert);

    /// <summary>The latest verdict of one of the session's alerts.</summary>
    public void Add(VerdictRecord verdict) => _verdicts.Add(verdict);

    public ExportRow ToRow(SimulatorLabel? simulated)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var alert in _alerts)
        {
            foreach (var f in alert.Features)
                features[f.Name] = f.Value;
        }
        return new ExportRow(
            Session,
            ExportLabel.Decide(_verdicts, simulated),
            // The scores line holds the session's highest risk; without it, its alerts' risks are the best known.
            _score?.Score ?? (_alerts.Count > 0 ? _alerts.Max(a => a.Score) : 0),
            Math.Max(_score?.Alerts ?? 0, _alerts.Count),
            _alerts.Count > 0 ? _alerts.Max(a => a.Severity) : null,
            _alerts.Select(a => a.AlertId).ToArray(),
            _alerts.Select(a => a.Kind).Distinct(StringComparer.Ordinal).ToArray(),
            features);
    }
}
