using Detector.Domain.Events;
using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;
using Detector.Scoring.Statistics;

namespace Detector.Scoring.Detectors;

/// <summary>
/// First-seen and uncommon-among-peers values: tool, action, resource pattern, destination, tenant,
/// and argument values of arguments whose values normally recur.
/// </summary>
/// <remarks>
/// The p-value of "this value is new for the agent" starts from the agent's recent rate of new values
/// in that category (Good-Turing missing mass, see <see cref="NoveltyRate"/>): an agent that meets new
/// destinations daily gets little weight for one more, one that has used the same three for weeks
/// gets a lot; see NewValuePValue for how peer use and approvals refine it. Until the agent's
/// baseline matures, its peer group's pooled rate stands in (cold start). Destinations of
/// transfers have their own rate, so a new destination on a transfer counts far more than on a read.
/// </remarks>
public sealed class NoveltyDetector : IDetector
{
    /// <summary>Findings weaker than this are not worth recording.</summary>
    private const double ReportBelow = 0.2;

    /// <summary>An action this rare in the agent's own history (decayed share) counts as new.</summary>
    private const double RareActionShare = 0.002;

    private const double MinActionHistory = 50;

    /// <summary>A tenant used fewer times than this is not yet the agent's own.</summary>
    private const uint EstablishedUses = 3;

    /// <summary>The p-value of a value several members adopted since their group first met it.</summary>
    private const double RoleWideChange = 0.5;

    public void Score(EventContext c, FindingBuffer findings)
    {
        var e = c.Event;
        c.ToolRoleWide = c.IsRoleWide(NoveltyCategory.Tool, c.ToolKey);
        c.ToolIsNew = Check(c, findings, NoveltyCategory.Tool, c.ToolKey, EvidenceKind.NewTool, e.Tool);
        // The resource becomes a string only when it is cited: most events carry a one-off path.
        if (c.ResourceKey != 0 && IsNew(c, NoveltyCategory.ResourcePattern, c.ResourceKey, out double p, out uint peers) && p < ReportBelow)
            Report(c, findings, NoveltyCategory.ResourcePattern, EvidenceKind.NewResource, p, peers, e.Resource);
        if (c.DestinationKey != 0)
        {
            c.DestinationIsNew = Check(c, findings, c.DestinationCategory, c.DestinationKey, EvidenceKind.NewDestination, e.Destination);
            c.DestinationNewForPeers = c.DestinationIsNew && c.Group.Users(c.DestinationCategory, c.DestinationKey) == 0;
            if (c.DestinationIsNew)
                Check(c, findings, NoveltyCategory.DestinationDomain, c.DomainKey, EvidenceKind.NewDestination, DestinationDomain.Of(e.Destination!).ToString());
        }
        // A delegated step in its parent session's tenant is explained by the delegation.
        if (c.TenantKey != 0 && !InParentTenant(c))
        {
            c.TenantIsNew = Check(c, findings, NoveltyCategory.Tenant, c.TenantKey, EvidenceKind.NewTenant, e.Tenant);
            // A saturated count is established whatever this session added.
            uint uses = c.Agent.Novelty.CountOf(NoveltyCategory.Tenant, c.TenantKey);
            c.TenantIsForeign = uses < SeenSet.MaxCount && (long)uses - c.Session.Chain.TenantUses.Of(c.TenantKey) < EstablishedUses;
            c.TenantRoleWide = c.TenantIsForeign && c.IsRoleWide(NoveltyCategory.Tenant, c.TenantKey);
        }
        CheckAction(c, findings);
        CheckArguments(c, findings);
    }

    public void Learn(EventContext c)
    {
        var e = c.Event;
        Observe(c, NoveltyCategory.Tool, c.ToolKey);
        if (c.ResourceKey != 0)
            Observe(c, NoveltyCategory.ResourcePattern, c.ResourceKey);
        if (c.DestinationKey != 0)
        {
            Observe(c, c.DestinationCategory, c.DestinationKey);
            Observe(c, NoveltyCategory.DestinationDomain, c.DomainKey);
        }
        // A tenant entered only on a parent session's behalf does not become the agent's own.
        if (c.TenantKey != 0 && !InParentTenant(c))
        {
            Observe(c, NoveltyCategory.Tenant, c.TenantKey);
            if (c.LearnsBaselines)
                c.Session.Chain.TenantUses.Add(c.TenantKey);
        }
        if (!c.LearnsBaselines)
            return;
        if (e.Action != ToolAction.Unknown)
            c.Agent.Novelty.ObserveAction(e.Action);
        foreach (ref readonly var a in e.Arguments.AsSpan())
        {
            if (a.Kind is ArgumentKind.Object or ArgumentKind.Array)
                continue;
            ulong argumentKey = Keys.Of(e.Tool, a.Name);
            bool isNew = c.Agent.Novelty.Observe(NoveltyCategory.ArgumentValue, ArgumentValueKey(argumentKey, a.ValueHash), c.Tick);
            c.Agent.Novelty.Arguments.Observe(argumentKey, isNew);
        }
    }

    private static bool InParentTenant(EventContext c)
    {
        var e = c.Event;
        if (e.ParentAgent.IsEmpty || e.ParentSession.IsEmpty)
            return false;
        return c.Bindings.FindSession(e.ParentAgent, e.ParentSession, e.Time) is { Tenant: { } tenant } && string.Equals(tenant, e.Tenant, StringComparison.Ordinal);
    }

    /// <summary>Scores one value; returns whether it is new for the agent.</summary>
    private static bool Check(EventContext c, FindingBuffer findings, NoveltyCategory category, ulong key, EvidenceKind kind, string? subject)
    {
        if (!IsNew(c, category, key, out double p, out uint peers))
            return false;
        if (p < ReportBelow)
            Report(c, findings, category, kind, p, peers, subject);
        return true;
    }

    /// <summary>Whether the value is new for the agent, and if so its p-value (1 when it is not).</summary>
    private static bool IsNew(EventContext c, NoveltyCategory category, ulong key, out double p, out uint peers)
    {
        p = 1;
        peers = 0;
        if (c.Agent.Novelty.Contains(category, key))
            return false;
        p = NewValuePValue(c, category, key, out peers);
        if (category is NoveltyCategory.Tool or NoveltyCategory.ResourcePattern)
            p = Math.Pow(p, ConsequenceWeight(c.Event.Action));
        return true;
    }

    private static void Report(EventContext c, FindingBuffer findings, NoveltyCategory category, EvidenceKind kind, double p, uint peers, string? subject) =>
        findings.Add(new Finding(kind, p, subject, peers, c.Group.Members, c.Agent.Novelty.SeenCount(category), c.AgentMature ? FindingScope.Agent : FindingScope.PeerGroup));

    /// <summary>
    /// P(the agent takes up a new value, with this value's peer status and approval) under the agent's
    /// (or, while immature, its group's) benign habits: P(new) x P(peer-known or not | new), and for
    /// transfers x P(approved or not | new). Both conditional shares are learned from benign novelties,
    /// so the data decides whether peer use excuses a value (a tool) or aggravates it (another team's tenant).
    /// A value several members took up since the group first met it is a role-wide change: weak evidence.
    /// </summary>
    private static double NewValuePValue(EventContext c, NoveltyCategory category, ulong key, out uint peers)
    {
        double p = c.AgentMature ? c.Agent.Novelty.PNew(category) : c.Group.Rate(category).PNew;
        peers = c.Group.Users(category, key);
        if (peers > 0 && c.IsRoleWide(category, key))
            return Math.Max(p, RoleWideChange);
        double peerKnown = c.Group.PeerKnownShare(category).PNew;
        p *= peers > 0 ? peerKnown : 1 - peerKnown;
        if (category is NoveltyCategory.TransferDestination || (category is NoveltyCategory.DestinationDomain && c.Event.Action == ToolAction.Transfer))
        {
            double approved = c.Group.ApprovedNovelTransfers.PNew;
            p *= c.Event.ApprovalId is not null ? approved : 1 - approved;
        }
        return Math.Max(p, 1e-9);
    }

    private static void CheckAction(EventContext c, FindingBuffer findings)
    {
        var action = c.Event.Action;
        var baseline = c.Agent.Novelty;
        // A rare action through a tool the role just took up is the rollout's, not the agent's.
        if (action is ToolAction.Unknown or ToolAction.Read || !c.AgentMature || baseline.TotalActions < MinActionHistory || c.ToolRoleWide)
            return;
        // Learning is online, so the session's own earlier steps are already counted: judge the action against
        // the baseline without them, or an escalation's first changes make its later ones look habitual.
        var (ownAction, ownAll) = c.LearnsBaselines ? (c.Session.Chain.EarlierSteps(action), c.Session.Steps - 1) : (0, 0);
        double count = Math.Max(0, baseline.ActionCount(action) - ownAction);
        double total = Math.Max(count, baseline.TotalActions - ownAll);
        double share = (count + 0.5) / (total + 1);
        c.ActionIsRare = share < RareActionShare;
        if (share < RareActionShare * 10)
            findings.Add(new Finding(EvidenceKind.NewAction, Math.Min(1, share), action.WireName(), count, total, 0));
    }

    private static void CheckArguments(EventContext c, FindingBuffer findings)
    {
        var e = c.Event;
        var baseline = c.Agent.Novelty;
        double best = 1;
        string? subject = null;
        double observations = 0;
        foreach (ref readonly var a in e.Arguments.AsSpan())
        {
            if (a.Kind is ArgumentKind.Object or ArgumentKind.Array)
                continue;
            ulong argumentKey = Keys.Of(e.Tool, a.Name);
            // Only arguments whose values recur (recipients, accounts, hosts) make novelty meaningful.
            if (!baseline.Arguments.TryGetRate(argumentKey, out var rate) || rate.PNew > 0.3)
                continue;
            if (baseline.Contains(NoveltyCategory.ArgumentValue, ArgumentValueKey(argumentKey, a.ValueHash)))
                continue;
            double p = rate.PNew;
            if (p < best)
            {
                best = p;
                subject = a.Text is null ? a.Name : $"{a.Name}={a.Text}";
                observations = rate.Observations;
            }
        }
        if (subject is not null && best < ReportBelow)
            findings.Add(new Finding(EvidenceKind.NewArgumentValue, best, subject, 0, observations, 0));
    }

    private static void Observe(EventContext c, NoveltyCategory category, ulong key)
    {
        var group = c.Group;
        if (!c.LearnsBaselines)
        {
            // A flagged session teaches no baseline, but who took up a new tool or tenant is a record of
            // distinct agents that one hijacked agent cannot inflate, and it is how a role-wide rollout is seen.
            if (category is NoveltyCategory.Tool or NoveltyCategory.Tenant && !c.Agent.Novelty.Contains(category, key) && Adopt(c, category, key))
                group.AddUser(category, key);
            return;
        }
        bool isNew = c.Agent.Novelty.Observe(category, key, c.Tick);
        group.Rate(category).Observe(isNew, NoveltyBaseline.Memory(category));
        if (!isNew)
            return;
        // A value newly taken up by this agent: note its peer status and approval, then count the agent as a user.
        group.PeerKnownShare(category).Observe(group.Users(category, key) > 0);
        if (category == NoveltyCategory.TransferDestination)
            group.ApprovedNovelTransfers.Observe(c.Event.ApprovalId is not null);
        Adopt(c, category, key);
        group.AddUser(category, key);
    }

    /// <summary>Notes the agent among a new value's adopters, in the shard's group and, when it is one, in the shared table.</summary>
    private static bool Adopt(EventContext c, NoveltyCategory category, ulong key)
    {
        var group = c.Group;
        ulong value = GroupNewcomers.Key(category, key);
        if (!group.Newcomers.Adopt(value, c.Agent.Key, c.Event.Time, newToGroup: group.Users(category, key) == 0))
            return false;
        c.Bindings.RecordAdoption(group.Key, value, c.Agent.Key, c.Event.Time);
        return true;
    }

    /// <summary>
    /// How much a first-time tool or resource counts, by what the step does: a new way to move data or
    /// change permissions is evidence in full, a new way to read is worth half its log-evidence. Analysts
    /// triage by consequence, and new read-only tools arrive with every rollout.
    /// </summary>
    internal static double ConsequenceWeight(ToolAction action) => action switch
    {
        ToolAction.Transfer or ToolAction.Privilege => 1,
        ToolAction.Write or ToolAction.Execute => 0.75,
        _ => 0.5,
    };

    private static ulong ArgumentValueKey(ulong argumentKey, ulong valueHash) => Domain.Ingest.StableHash.Combine(argumentKey, valueHash);
}
