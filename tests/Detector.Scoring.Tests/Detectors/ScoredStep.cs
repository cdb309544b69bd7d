using Detector.Domain.Identity;
using Detector.Domain.Outputs;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>The engine's verdict after one event: its session's risk, and the alerts the event raised.</summary>
internal sealed record ScoredStep(string EventId, SessionKey Session, double Risk, IReadOnlyList<Alert> Alerts)
{
    /// <summary>The comparable part of the alerts (ids derive from agent, session, kind, severity and trigger).</summary>
    public IEnumerable<(string Id, string Kind, Severity Severity, double Score, string Explanation)> AlertFacts =>
        Alerts.Select(a => (a.AlertId, a.Kind, a.Severity, a.Score, a.Explanation));
}
