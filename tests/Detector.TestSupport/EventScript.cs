using System.Globalization;
using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.TestSupport;

/// <summary>
/// Tool events written in code, session by session, as parsed events (no JSON, no simulator): the
/// known-answer cases of the detector tests. Event ids count up in the order steps are added;
/// <see cref="Events"/> hands them out in event-time order (stable for equal times), as a replay reads them.
/// </summary>
public sealed class EventScript
{
    /// <summary>Monday 2026-01-05, midnight UTC: day 0 of every script.</summary>
    public static readonly DateTimeOffset Day0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private readonly List<ToolEvent> _events = [];
    private readonly string _prefix;

    public EventScript(string prefix = "e")
    {
        _prefix = prefix;
    }

    public static DateTimeOffset At(int day, int hour, int minute = 0, int second = 0) =>
        Day0.AddDays(day).AddHours(hour).AddMinutes(minute).AddSeconds(second);

    /// <summary>The events in event-time order (ties keep the order they were added in).</summary>
    public IReadOnlyList<ToolEvent> Events => _events.OrderBy(e => e.Time).ToList();

    public int Count => _events.Count;

    /// <summary>Adds a session: its steps <paramref name="gap"/> apart from <paramref name="start"/>.</summary>
    public EventScript Session(string agent, string session, DateTimeOffset start, TimeSpan gap, IEnumerable<ScriptedStep> steps)
    {
        var at = start;
        foreach (var step in steps)
        {
            Add(agent, session, at, step);
            at += gap;
        }
        return this;
    }

    public EventScript Session(string agent, string session, DateTimeOffset start, IEnumerable<ScriptedStep> steps) =>
        Session(agent, session, start, TimeSpan.FromSeconds(20), steps);

    public ToolEvent Add(string agent, string session, DateTimeOffset at, ScriptedStep step)
    {
        var time = EventTime.FromDateTimeOffset(at);
        var e = new ToolEvent
        {
            EventId = _prefix + "-" + _events.Count.ToString("D6", CultureInfo.InvariantCulture),
            Time = time,
            Agent = new AgentId(agent),
            Session = new SessionId(session),
            Tool = step.Tool,
            Action = step.Action,
            Sensitivity = step.Sensitivity,
            Resource = step.Resource,
            Destination = step.Destination,
            Tenant = step.Tenant,
            BytesOut = step.BytesOut,
            Outcome = step.Outcome,
            CredentialId = step.CredentialId,
            CredentialExpiresAt = step.CredentialExpiresIn is { } expiresIn ? time + expiresIn : null,
            ApprovalId = step.ApprovalId,
            Intent = step.Intent,
            ParentAgent = step.ParentAgent is null ? default : new AgentId(step.ParentAgent),
            ParentSession = step.ParentSession is null ? default : new SessionId(step.ParentSession),
        };
        _events.Add(e);
        return e;
    }
}
