using Detector.Domain.Outputs;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Engine;

/// <summary>Scoring settings: state caps, learning period, peer groups and alert thresholds. Validated once at start.</summary>
public sealed class EngineOptions
{
    /// <summary>Agents tracked per shard; beyond it the longest-idle agent's state is evicted. Default 100,000.</summary>
    public int MaxAgents { get; set; } = 100_000;

    /// <summary>Open sessions tracked per shard (longest-idle evicted first). Default 200,000.</summary>
    public int MaxSessions { get; set; } = 200_000;

    /// <summary>Credential and session bindings in the shared table (longest-idle evicted first). Default 200,000.</summary>
    public int MaxBindings { get; set; } = 200_000;

    /// <summary>
    /// How long (event time) a credential binding outlives its last use: a replayed credential is
    /// recognised within it. (Session bindings, for delegation, live twice the idle timeout.) Default 24 hours.
    /// </summary>
    public TimeSpan BindingRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A session with no event for this long (event time) is over; a credential used after that is misuse. Default 2 hours.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// An agent is scored against its peer group until its own baseline has this many events
    /// spread over at least <see cref="LearningDays"/> distinct days. Defaults 300 events, 3 days.
    /// </summary>
    public int LearningEvents { get; set; } = 300;

    public int LearningDays { get; set; } = 3;

    /// <summary>Whether the agent has finished its learning period.</summary>
    public bool HasLearned(AgentProfile agent) => agent.Events >= LearningEvents && agent.ActiveDays >= LearningDays;

    /// <summary>
    /// Peer groups from the agent id: the first rule whose regular expression matches names the
    /// group (a named capture "group" or the rule's Group). Agents no rule matches are grouped by
    /// behaviour (their most used tool) once they have history, else fall into "default".
    /// </summary>
    public List<PeerGroupRule> PeerGroups { get; set; } = [];

    /// <summary>
    /// Calibrated session-risk thresholds for each severity, used when the model carries none.
    /// A risk r means a benign session reaches this level with probability about 1 - r.
    /// </summary>
    public Dictionary<Severity, double> SeverityThresholds { get; set; } = new()
    {
        [Severity.Low] = 0.99,
        [Severity.Medium] = 0.998,
        [Severity.High] = 0.9995,
        [Severity.Critical] = 0.99995,
    };

    /// <summary>The policy rules (a YAML file, else the shipped default set) and which of them are switched off.</summary>
    public Rules.RuleSetOptions Rules { get; set; } = new();

    public void Validate()
    {
        if (MaxAgents < 1 || MaxSessions < 1 || MaxBindings < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxAgents), "state caps must be positive");
        if (BindingRetention < SessionIdleTimeout)
            throw new ArgumentOutOfRangeException(nameof(BindingRetention), BindingRetention, "must be at least SessionIdleTimeout, or stale credentials could not be recognised");
        if (SessionIdleTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(SessionIdleTimeout), SessionIdleTimeout, "must be positive");
        if (LearningEvents < 0 || LearningDays < 0)
            throw new ArgumentOutOfRangeException(nameof(LearningEvents), "learning period must not be negative");
        double previous = 0;
        foreach (var severity in new[] { Severity.Low, Severity.Medium, Severity.High, Severity.Critical })
        {
            if (!SeverityThresholds.TryGetValue(severity, out double t) || t <= previous || t >= 1)
                throw new ArgumentException($"severity thresholds must rise strictly within (0,1): {severity.WireName()} = {t}", nameof(SeverityThresholds));
            previous = t;
        }
        foreach (var rule in PeerGroups)
            rule.Validate();
    }
}
