using System.Globalization;
using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Scoring.State;

namespace Detector.Pipeline.Enforcement;

/// <summary>
/// Turns one event's alerts into at most one quarantine signal: the action of the most severe alert,
/// unless the agent already got an equal or stronger action within the cooldown, then passes it
/// through the shared <see cref="EnforcementGuard"/> (monitor-only, circuit breaker). Every field of
/// a signal comes from its cause (alerts, session credentials, event time), so a redelivered event
/// yields the same signal id and body. One instance per shard: it owns that shard's cooldown state.
/// </summary>
public sealed class QuarantinePolicy
{
    public const string BreakerAlertKind = "circuit_breaker_open";

    private const byte StateVersion = 1;

    private readonly QuarantineOptions _options;
    private readonly EnforcementGuard _guard;
    private readonly TimeProvider? _wallClock;
    private readonly BoundedLruMap<AgentId, LastSignal> _recent;

    /// <param name="wallClock">The breaker's clock in the worker; null in replay, where event time stands in.</param>
    public QuarantinePolicy(QuarantineOptions options, EnforcementGuard guard, TimeProvider? wallClock)
    {
        _options = options;
        _guard = guard;
        _wallClock = wallClock;
        _recent = new BoundedLruMap<AgentId, LastSignal>(options.MaxTrackedAgents);
    }

    /// <summary>Agents whose cooldown was forgotten to make room (the table is capped, idle-first).</summary>
    public long Evictions => _recent.Evictions;

    /// <summary>Signals withheld because the agent was cooling down.</summary>
    public long Suppressed { get; private set; }

    public EnforcementDecision Decide(IReadOnlyList<Alert> alerts, IReadOnlyList<string> sessionCredentials)
    {
        if (alerts.Count == 0)
            return EnforcementDecision.None;
        Alert top = alerts[0];
        foreach (var a in alerts)
        {
            if (a.Severity > top.Severity)
                top = a;
        }
        var action = _options.ActionFor(top.Severity);
        if (action == QuarantineAction.None)
            return EnforcementDecision.None;

        EventTime time = top.Time;
        if (_recent.TryGet(top.Agent, out var last) && last.Action >= action && time - last.Time < _options.Cooldown)
        {
            Suppressed++;
            return EnforcementDecision.None;
        }
        EventTime now = _wallClock is null ? time : EventTime.FromDateTimeOffset(_wallClock.GetUtcNow());
        var verdict = _guard.Admit(top.Agent, action, now, out bool opened);
        if (verdict != GuardVerdict.Send)
            return new EnforcementDecision(null, opened ? BreakerNotice(top, now) : null);
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
            Reason(top),
            time + _options.DurationOf(action),
            top.ModelVersion);
        string id = DeterministicId.Create("quarantine", top.Agent.Value, top.Session.Value, action.WireName(), string.Join(',', alertIds));
        return new EnforcementDecision(new QuarantineSignal(id, _options.Source, time, order), null);
    }

    /// <summary>
    /// The signal's reason names the alert, not its explanation: an explanation quotes statistics of
    /// shared state (peer-group rates) that a redelivery after a crash may see slightly changed, and the
    /// signal's body must stay a function of what its id is made from. The alert carries the evidence.
    /// </summary>
    private static string Reason(Alert top)
    {
        var trigger = top.Evidence[^1];
        return $"{top.Severity.WireName()} {top.Kind} in session {top.Session}: event {trigger.EventId} ({trigger.Tool}); alert {top.AlertId} explains it";
    }

    /// <summary>Writes the cooldown state, least recently signalled first, for a checkpoint.</summary>
    public void WriteState(BinaryWriter writer)
    {
        var entries = _recent.Entries().ToList();
        writer.Write(StateVersion);
        writer.Write(entries.Count);
        for (int i = entries.Count - 1; i >= 0; i--)
        {
            writer.Write(entries[i].Key.Value);
            writer.Write((byte)entries[i].Value.Action);
            writer.Write(entries[i].Value.Time.UtcTicks);
        }
    }

    /// <summary>Restores cooldown state written by <see cref="WriteState"/>, replacing what the policy held.</summary>
    public void ReadState(BinaryReader reader)
    {
        byte version = reader.ReadByte();
        if (version != StateVersion)
            throw new InvalidDataException($"unsupported quarantine cooldown state version {version}");
        int count = reader.ReadInt32();
        for (int i = 0; i < count; i++)
        {
            var agent = new AgentId(reader.ReadString());
            var action = (QuarantineAction)reader.ReadByte();
            _recent.Set(agent, new LastSignal(action, new EventTime(reader.ReadInt64())));
        }
    }

    /// <summary>The one critical alert per opening of the breaker: automated enforcement has stopped and humans must look.</summary>
    private Alert BreakerNotice(Alert trigger, EventTime now)
    {
        int limit = _options.CircuitBreaker.MaxQuarantinesPerMinute;
        string explanation = $"Automated enforcement stopped: more than {limit} credential revocations or agent quarantines within a minute. " +
            $"Signals are withheld until {now + _options.CircuitBreaker.OpenFor}; review the recent alerts (a detector fault or a fleet-wide incident) and act by hand.";
        return new Alert(
            DeterministicId.Create(BreakerAlertKind, _options.Source, now.UtcTicks.ToString(CultureInfo.InvariantCulture)),
            trigger.Time,
            trigger.DetectedAt,
            trigger.Agent,
            trigger.Session,
            BreakerAlertKind,
            Severity.Critical,
            1,
            [trigger.Evidence[^1]],
            explanation,
            [new Feature("quarantines_per_minute_limit", limit), new Feature("open_for_seconds", _options.CircuitBreaker.OpenFor.TotalSeconds)],
            trigger.ModelVersion);
    }

    private readonly record struct LastSignal(QuarantineAction Action, EventTime Time);
}
