using Detector.Domain.Outputs;

namespace Detector.Pipeline.Enforcement;

/// <summary>How alerts become quarantine signals for the credential broker. Validated once at start.</summary>
public sealed class QuarantineOptions
{
    /// <summary>CloudEvents <c>source</c> of every signal, e.g. agentdrift://prod-eu/detector.</summary>
    public string Source { get; set; } = "agentdrift://detector";

    /// <summary>Action per alert severity. Default: low none, medium step-up, high revoke credentials, critical quarantine agent.</summary>
    public Dictionary<Severity, QuarantineAction> Actions { get; set; } = new()
    {
        [Severity.Low] = QuarantineAction.None,
        [Severity.Medium] = QuarantineAction.StepUp,
        [Severity.High] = QuarantineAction.RevokeCredentials,
        [Severity.Critical] = QuarantineAction.QuarantineAgent,
    };

    /// <summary>How long each action holds before the broker lets it lapse, counted from the triggering event's time.</summary>
    public Dictionary<QuarantineAction, TimeSpan> Durations { get; set; } = new()
    {
        [QuarantineAction.StepUp] = TimeSpan.FromHours(1),
        [QuarantineAction.SuspendSession] = TimeSpan.FromHours(4),
        [QuarantineAction.RevokeCredentials] = TimeSpan.FromHours(24),
        [QuarantineAction.QuarantineAgent] = TimeSpan.FromHours(24),
        [QuarantineAction.Release] = TimeSpan.FromHours(24),
    };

    /// <summary>
    /// After a signal, the same agent gets no further signal of the same or a milder action for this
    /// long (event time); a stronger action always goes out. Zero turns the cooldown off. Default 15 minutes.
    /// </summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Agents whose cooldown state is remembered per shard (least recently signalled forgotten first).</summary>
    public int MaxTrackedAgents { get; set; } = 100_000;

    /// <summary>Agents, roles or the whole fleet that are scored and alerted on but never enforced.</summary>
    public MonitorOnlyOptions MonitorOnly { get; set; } = new();

    /// <summary>The global limit on automated revocations and quarantines.</summary>
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    public QuarantineAction ActionFor(Severity severity) => Actions.GetValueOrDefault(severity, QuarantineAction.None);

    public TimeSpan DurationOf(QuarantineAction action) => Durations.GetValueOrDefault(action, TimeSpan.FromHours(1));

    public void Validate()
    {
        if (!Uri.TryCreate(Source, UriKind.RelativeOrAbsolute, out _) || string.IsNullOrWhiteSpace(Source))
            throw new ArgumentException("Source must be a URI-reference (CloudEvents 1.0)", nameof(Source));
        if (Cooldown < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Cooldown), Cooldown, "must not be negative");
        if (MaxTrackedAgents < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxTrackedAgents), MaxTrackedAgents, "must be positive");
        foreach (var (action, duration) in Durations)
        {
            if (duration <= TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(Durations), duration, $"duration of {action.WireName()} must be positive");
        }
        MonitorOnly.Validate();
        CircuitBreaker.Validate();
        foreach (var (severity, action) in Actions)
        {
            if (action == QuarantineAction.Release)
                throw new ArgumentException($"severity {severity.WireName()} cannot map to release: release is an analyst's action", nameof(Actions));
        }
    }
}
