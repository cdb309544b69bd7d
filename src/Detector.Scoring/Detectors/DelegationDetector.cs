using Detector.Domain.Events;
using Detector.Scoring.Bindings;
using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Detectors;

/// <summary>
/// A delegated sub-session acting outside its parent session's intent. Sessions publish their intent
/// and group to the shared binding table; a child step is judged by how often delegated sessions
/// under a parent with that intent take that action and use that tool (Count-Min counts in the
/// parent's peer group), falling back to all delegations from that group while an intent is too rare
/// to judge, and to the child's own group when the parent is unknown.
/// </summary>
public sealed class DelegationDetector : IDetector
{
    private const double ReportBelow = 0.05;

    /// <summary>Delegated steps under one intent before its action mix is trusted.</summary>
    private const uint MinIntentSteps = 20;

    public void Score(EventContext c, FindingBuffer findings)
    {
        var e = c.Event;
        if (!e.IsDelegated || e.Action == ToolAction.Unknown)
            return;
        var (group, intent, parentIntent) = Parent(c);
        double observed = 0, total = 0;
        double p = e.Action == ToolAction.Read ? 1
            : Probability(group, intent != 0, Key(intent, ToolAction.Unknown), Key(0, ToolAction.Unknown), Key(intent, e.Action), Key(0, e.Action), out observed, out total);
        // The tool, too: sub-agents sent off under an intent use its tools, and one they never use is off
        // task even where its action is common (a read above all), weighted by what the step does.
        double tool = Math.Pow(
            Probability(group, intent != 0, ToolKey(intent, 0), ToolKey(0, 0), ToolKey(intent, c.ToolKey), ToolKey(0, c.ToolKey), out double toolObserved, out double toolTotal),
            NoveltyDetector.ConsequenceWeight(e.Action));
        bool byTool = tool < p;
        if (byTool)
            (p, observed, total) = (tool, toolObserved, toolTotal);
        c.OutsideParentIntent = p < ReportBelow;
        if (p >= ReportBelow)
            return;
        string what = byTool ? $"a '{e.Tool}' step" : $"a '{e.Action.WireName()}' step";
        string subject = parentIntent is null
            ? $"{c.Session.Key.Session}: {what}, which delegated sessions from this group rarely take"
            : $"{c.Session.Key.Session}: {what} under parent intent \"{parentIntent}\"";
        findings.Add(new Finding(EvidenceKind.DelegationOutOfIntent, Math.Max(p, 1e-9), subject, observed, total, 0, FindingScope.PeerGroup));
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
        group.IntentActions.Add(ToolKey(intent, c.ToolKey));
        group.IntentActions.Add(ToolKey(intent, 0));
        group.IntentActions.Add(ToolKey(0, c.ToolKey));
        group.IntentActions.Add(ToolKey(0, 0));
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

    /// <summary>
    /// P(what the step does | the parent's intent) among the group's delegated steps, add-half smoothed,
    /// from the intent's own counts once it has enough, else from all the group's delegations; 1 while
    /// even those are too few to judge. Each kind of count (actions, tools) has its own totals, so a
    /// model trained before tools were counted judges tools only once it has counted enough of them.
    /// </summary>
    private static double Probability(PeerGroupProfile group, bool hasIntent, ulong intentTotalKey, ulong groupTotalKey, ulong intentKey, ulong groupKey, out double observed, out double total)
    {
        uint intentTotal = hasIntent ? group.IntentActions.Estimate(intentTotalKey) : 0;
        bool own = intentTotal >= MinIntentSteps;
        total = own ? intentTotal : group.IntentActions.Estimate(groupTotalKey);
        observed = group.IntentActions.Estimate(own ? intentKey : groupKey);
        return total < MinIntentSteps ? 1 : (observed + 0.5) / (total + 1);
    }

    private static ulong Key(ulong intent, ToolAction action) => Domain.Ingest.StableHash.Combine(intent, (ulong)action + 0x9E37);

    /// <summary>The count of a tool under an intent (0: the intent's tool-counted steps; intent 0: the whole group's).</summary>
    private static ulong ToolKey(ulong intent, ulong tool) => Domain.Ingest.StableHash.Combine(intent, tool ^ 0x7F4A_7C15_9E37_79B9);
}
