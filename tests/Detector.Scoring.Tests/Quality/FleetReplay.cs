using Detector.Domain.Events;
using Detector.Domain.Outputs;
using Detector.Scoring.Engine;
using Detector.Scoring.Evaluation;

namespace Detector.Scoring.Tests.Quality;

/// <summary>
/// What a replay of test events produced, as `detector evaluate` reads it: each session's highest risk,
/// whether it was flagged (an alert of medium or higher) and at which input position first, every alert,
/// and the input position of every parsed event id.
/// </summary>
internal sealed class FleetReplay(DetectionEngine engine)
{
    private readonly Dictionary<string, ScoredSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _positions = new(StringComparer.Ordinal);

    public DetectionEngine Engine => engine;

    public IReadOnlyDictionary<string, ScoredSession> Sessions => _sessions;

    public IReadOnlyDictionary<string, long> Positions => _positions;

    public List<Alert> Alerts { get; } = [];

    /// <summary>Every applied event's id, session and session risk after it, in order.</summary>
    public List<(string EventId, string Session, double Risk)> Risks { get; } = [];

    public void Parsed(ToolEvent e, long position) => _positions.TryAdd(e.EventId, position);

    public void Scored(ToolEvent e, long position, ScoreResult result)
    {
        string id = e.Session.Value;
        var before = _sessions.GetValueOrDefault(id) ?? new ScoredSession(id, 0, false, null);
        bool flags = !before.Flagged && result.Alerts.Any(a => a.Severity >= Severity.Medium);
        _sessions[id] = before with
        {
            Score = Math.Max(before.Score, result.SessionRisk),
            Flagged = before.Flagged || flags,
            FirstFlagPosition = flags ? position : before.FirstFlagPosition,
        };
        Alerts.AddRange(result.Alerts);
        Risks.Add((e.EventId, id, result.SessionRisk));
    }

    /// <summary>The sessions' highest risks, of the malicious and the benign labels (sessions never scored count 0).</summary>
    public (double[] Malicious, double[] Benign) Peaks(IEnumerable<SessionLabel> labels)
    {
        var all = labels.ToList();
        double Peak(SessionLabel l) => _sessions.TryGetValue(l.SessionId, out var s) ? s.Score : 0;
        return (all.Where(l => l.IsMalicious).Select(Peak).ToArray(), all.Where(l => !l.IsMalicious).Select(Peak).ToArray());
    }
}
