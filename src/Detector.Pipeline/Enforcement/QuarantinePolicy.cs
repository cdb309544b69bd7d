using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Scoring.State;

namespace Detector.Pipeline.Enforcement;

/// <summary>
/// Turns one event's alerts into at most one quarantine signal: the action of the most severe alert,
/// unless the agent already got an equal or stronger action within the cooldown. Every field comes
/// from the cause (alerts, session credentials, event time), so a redelivered event yields the
/// same signal id and body. One instance per shard (it owns that shard's cooldown state).
/// </summary>
public sealed class QuarantinePolicy
{
    private readonly QuarantineOptions _options;
    private readonly BoundedLruMap<AgentId, LastSignal> _recent;

    public QuarantinePolicy(QuarantineOptions options)
    {
        _options = options;
        _recent = new BoundedLruMap<AgentId, LastSignal>(options.MaxTrackedAgents);
    }

    /// <summary>Signals withheld because the agent was cooling down.</summary>
    public long Suppressed { get; private set; }

    public QuarantineSignal? Decide(IReadOnlyList<Alert> alerts, IReadOnlyList<string> sessionCredentials)
    {
        if (alerts.Count == 0)
            return null;
        Alert top = alerts[0];
        foreach (var a in alerts)
        {
            if (a.Severity > top.Severity)
                top = a;
        }
        var action = _options.ActionFor(top.Severity);
        if (action == QuarantineAction.None)
            return null;

        EventTime time = top.Time;
        if (_recent.TryGet(top.Agent, out var last) && last.Action >= action && time - last.Time < _options.Cooldown)
        {
            Suppressed++;
            return null;
        }
        _recent.Set(top.Agent, new LastSignal(action, time));

        var alertIds = new string[alerts.Count];
        for (int i = 0; i < alerts.Count; i++)
            alertIds[i] = alerts[i].AlertId;
        var order = new QuarantineOrder(
            top.Agent,
            top.Session,
            action,
            sessionCredentials.ToArray(),
            alertIds,
            top.Severity,
            top.Explanation,
            time + _options.DurationOf(action),
            top.ModelVersion);
        string id = DeterministicId.Create("quarantine", top.Agent.Value, top.Session.Value, action.WireName(), string.Join(',', alertIds));
        return new QuarantineSignal(id, _options.Source, time, order);
    }

    private readonly record struct LastSignal(QuarantineAction Action, EventTime Time);
}
