using Detector.Domain.Events;
using Detector.Scoring.Bindings;
using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Detectors;

/// <summary>
/// A delegated sub-session acting outside its parent session's intent. Sessions publish their intent
/// and group to the shared binding table; a child step is judged by how often delegated sessions
/// under a parent with that intent take that action (Count-Min counts in the parent's peer group),
/// falling back to all delegations from that group while an intent is too rare to judge, and to
/// the child's own group when the parent is unknown.
/// </summary>
public sealed class DelegationDetector : IDetector
{
    private const double ReportBelow = 0.05;

    /// <summary>Delegated steps under one intent before its action mix is trusted.</summary>
    private const uint MinIntentSteps = 20;

    public void Score(EventContext c, FindingBuffer findings)
    {
        var e = c.Event;
        if (!e.IsDelegated || e.Action is ToolAction.Unknown or ToolAction.Read)
            return;
        var (group, intent, parentIntent) = Parent(c);
        double p = ActionProbability(group, intent, e.Action, out double observed, out double total);
        c.OutsideParentIntent = p < ReportBelow;
        if (p < ReportBelow)
        {
            string subject = parentIntent is null
                ? $"{c.Session.Key.Session}: a '{e.Action.WireName()}' step, which delegated sessions from this group rarely take"
                : $"{c.Session.Key.Session}: a '{e.Action.WireName()}' step under parent intent \"{parentIntent}\"";
            findings.Add(new Finding(EvidenceKind.DelegationOutOfIntent, Math.Max(p, 1e-9), subject, observed, total, 0, FindingScope.PeerGroup));
        }
    }

    public void Learn(EventContext c)
    {
        var e = c.Event;
        if (c.NewSession)
        {
            c.Session.Intent = e.Intent;
            c.Session.ParentAgent = e.ParentAgent;
            c.Session.ParentSession = e.ParentSession;
            c.Bindings.RecordSession(new SessionBinding(e.SessionKey, c.Group.Name, e.Intent, e.Tenant, e.Time, e.Time));
        }
        if (!e.IsDelegated || e.Action == ToolAction.Unknown || !c.LearnsBaselines)
            return;
        var (group, intent, _) = Parent(c);
        group.IntentActions.Add(Key(intent, e.Action));
        group.IntentActions.Add(Key(intent, ToolAction.Unknown));
        group.IntentActions.Add(Key(0, e.Action));
        group.IntentActions.Add(Key(0, ToolAction.Unknown));
    }

    /// <summary>The parent's group and intent key (0 when no intent is known), and the intent text.</summary>
    private static (PeerGroupProfile Group, ulong Intent, string? Text) Parent(EventContext c)
    {
        var e = c.Event;
        SessionBinding? parent = e.ParentAgent.IsEmpty || e.ParentSession.IsEmpty ? null : c.Bindings.FindSession(e.ParentAgent, e.ParentSession, e.Time);
        var group = parent?.Group is { } name ? c.Groups[c.Groups.IndexOf(name)] : c.Group;
        string? intent = parent?.Intent ?? e.Intent;
        return (group, intent is null ? 0 : IntentPattern.Key(intent), intent);
    }

    private static double ActionProbability(PeerGroupProfile group, ulong intent, ToolAction action, out double observed, out double total)
    {
        uint intentTotal = intent == 0 ? 0 : group.IntentActions.Estimate(Key(intent, ToolAction.Unknown));
        if (intentTotal < MinIntentSteps)
            intent = 0;
        total = group.IntentActions.Estimate(Key(intent, ToolAction.Unknown));
        observed = group.IntentActions.Estimate(Key(intent, action));
        return total < MinIntentSteps ? 1 : (observed + 0.5) / (total + 1);
    }

    private static ulong Key(ulong intent, ToolAction action) => Domain.Ingest.StableHash.Combine(intent, (ulong)action + 0x9E37);
}
