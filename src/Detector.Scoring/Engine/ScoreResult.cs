using Detector.Domain.Identity;
using Detector.Domain.Outputs;

namespace Detector.Scoring.Engine;

/// <summary>
/// What scoring one event produced, refilled per event by the shard that owns it. Alerts are new
/// objects (they outlive the call); everything else is overwritten by the next event.
/// </summary>
public sealed class ScoreResult
{
    private readonly List<Alert> _alerts = new(2);

    public SessionKey Session { get; set; }

    /// <summary>The session's fused risk in [0,1] after this event.</summary>
    public double SessionRisk { get; set; }

    /// <summary>Credential ids seen so far in the session (for quarantine signals).</summary>
    public IReadOnlyList<string> SessionCredentials { get; set; } = [];

    public IReadOnlyList<Alert> Alerts => _alerts;

    public void AddAlert(Alert alert) => _alerts.Add(alert);

    public void Clear()
    {
        _alerts.Clear();
        Session = default;
        SessionRisk = 0;
        SessionCredentials = [];
    }
}
