using Detector.Domain.Outputs;

namespace Detector.Scoring.Tests.Engine;

/// <summary>What scoring made of one event: the session's risk after it and the alerts it raised.</summary>
internal sealed record Scored(string EventId, string Session, double Risk, IReadOnlyList<Alert> Alerts)
{
    /// <summary>The comparable part of an alert (its id derives from agent, session, kind, severity and trigger).</summary>
    public IEnumerable<(string Id, string Kind, Severity Severity, double Score, string Explanation)> AlertFacts =>
        Alerts.Select(a => (a.AlertId, a.Kind, a.Severity, a.Score, a.Explanation));
}
