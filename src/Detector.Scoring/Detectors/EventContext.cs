using Detector.Domain.Events;
using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Detectors;

/// <summary>
/// The event being scored and everything the detectors may consult about it: the agent's profile,
/// its session, its peer group, the shared binding tables, and keys derived once per event.
/// One instance per shard, refilled for every event.
/// </summary>
public sealed class EventContext
{
    public ToolEvent Event { get; private set; } = null!;

    public AgentProfile Agent { get; private set; } = null!;

    public SessionState Session { get; private set; } = null!;

    public PeerGroupProfile Group { get; private set; } = null!;

    /// <summary>The whole fleet, for rates too rare to resolve per group.</summary>
    public PeerGroupProfile Fleet => Groups.Fleet;

    /// <summary>All peer groups of the shard (a parent session may belong to another group).</summary>
    public PeerGroupTable Groups { get; private set; } = null!;

    public IBindingTable Bindings { get; private set; } = null!;

    public EngineOptions Options { get; private set; } = null!;

    /// <summary>Whether the agent's own baseline judges this event; otherwise its peer group's does.</summary>
    public bool AgentMature { get; private set; }

    /// <summary>Whether the agent has finished its learning period (its own baseline may still not judge: see <see cref="Model.DetectorModel.OwnBaselinesCalibrated"/>).</summary>
    public bool AgentEstablished { get; private set; }

    /// <summary>
    /// Whether baselines learn from the session's events: false once it reached medium severity. Set
    /// before scoring (so the session's earlier steps are known to be learned or not) and again before
    /// learning, when this event's own alert may have raised the session's severity.
    /// </summary>
    public bool LearnsBaselines { get; set; }

    /// <summary>Whether this event opened its session.</summary>
    public bool NewSession { get; private set; }

    /// <summary>The event's day, the seen sets' clock.</summary>
    public ushort Tick { get; private set; }

    public ulong ToolKey { get; private set; }

    /// <summary>Hash of the resource's pattern, or 0 without a resource.</summary>
    public ulong ResourceKey { get; private set; }

    /// <summary>Hash of the destination, or 0 without one.</summary>
    public ulong DestinationKey { get; private set; }

    /// <summary>Hash of the destination's organisation (domain, host, bank), or 0 without a destination.</summary>
    public ulong DomainKey { get; private set; }

    /// <summary>Hash of the tenant, or 0 without one.</summary>
    public ulong TenantKey { get; private set; }

    /// <summary>Hash of the credential id, or 0 without one.</summary>
    public ulong CredentialKey { get; private set; }

    /// <summary>The novelty category the destination belongs to (transfers kept apart).</summary>
    public NoveltyCategory DestinationCategory => Event.Action == ToolAction.Transfer ? NoveltyCategory.TransferDestination : NoveltyCategory.OtherDestination;

    /// <summary>Set by the novelty detector: whether the destination/tenant was new for the agent.</summary>
    public bool DestinationIsNew { get; set; }

    public bool TenantIsNew { get; set; }

    /// <summary>Set by the novelty detector: the tenant is not established for the agent (seen fewer than three times before).</summary>
    public bool TenantIsForeign { get; set; }

    /// <summary>Set by the novelty detector: the tenant is one several members of the group took up lately (onboarding).</summary>
    public bool TenantRoleWide { get; set; }

    /// <summary>Set by the novelty detector: the tool is new for the agent.</summary>
    public bool ToolIsNew { get; set; }

    /// <summary>Set by the novelty detector: other members of the group took the tool up lately (a rollout).</summary>
    public bool ToolRoleWide { get; set; }

    /// <summary>Set by the novelty detector: the new destination is used by no peer either.</summary>
    public bool DestinationNewForPeers { get; set; }

    /// <summary>Set by the escalation detector: the destination is young (first used within two weeks).</summary>
    public bool DestinationIsYoung { get; set; }

    /// <summary>Set by the escalation detector: the transfer is far larger than the agent's usual ones.</summary>
    public bool LargeTransfer { get; set; }

    /// <summary>Set by the delegation detector: the delegated step is unusual under the parent session's intent.</summary>
    public bool OutsideParentIntent { get; set; }

    /// <summary>Set by the novelty detector: the action class is one the agent almost never takes.</summary>
    public bool ActionIsRare { get; set; }

    /// <summary>Set by the destination-drift detector: the transfer continues a growing series to a young destination.</summary>
    public bool GrowingDoses { get; set; }

    /// <summary>Set by the credential detector.</summary>
    public Rules.CredentialStatus Credential { get; set; }

    /// <summary>Set by the credential detector when scoring: the credential's binding as it stood, which learning then updates.</summary>
    public Bindings.CredentialBinding? CredentialBinding { get; set; }

    /// <summary>
    /// Whether a value is one the group met lately and other members took up within days: a change of
    /// the role, information rather than evidence. The agent's own adoption does not count towards it.
    /// </summary>
    /// <remarks>
    /// The shard's own record is read first; the shared adoption table adds members scored in other
    /// partitions, which the shard never sees.
    /// </remarks>
    public bool IsRoleWide(NoveltyCategory category, ulong key)
    {
        ulong value = GroupNewcomers.Key(category, key);
        return Group.Newcomers.OtherAdopters(value, Agent.Key, Event.Time) >= GroupNewcomers.RolloutAdopters
            || Bindings.OtherAdopters(Group.Key, value, Agent.Key, Event.Time) >= GroupNewcomers.RolloutAdopters;
    }

    /// <summary>What the policy rules may test about this step, from the event and the detectors' verdicts.</summary>
    public Rules.StepFacts Facts() => new()
    {
        Action = Event.Action,
        Sensitivity = Event.Sensitivity,
        Outcome = Event.Outcome,
        Tool = Event.Tool,
        Destination = DestinationKey == 0 ? Rules.DestinationClass.None
            : DestinationIsNew ? (DestinationNewForPeers ? Rules.DestinationClass.NewForPeers : Rules.DestinationClass.NewForAgent)
            : DestinationIsYoung ? Rules.DestinationClass.Young
            : Rules.DestinationClass.Established,
        ForeignTenant = TenantIsForeign && !TenantRoleWide,
        Delegated = Event.IsDelegated,
        OutsideParentIntent = OutsideParentIntent,
        Credential = Credential,
        NewTool = ToolIsNew,
        HasApproval = Event.ApprovalId is not null,
        BytesOut = Event.BytesOut,
        LargeTransfer = LargeTransfer,
        RareAction = ActionIsRare,
        GrowingDoses = GrowingDoses,
    };

    public void Reset(ToolEvent e, AgentProfile agent, SessionState session, PeerGroupTable groups, DetectionEngine engine, bool newSession, bool learnsBaselines)
    {
        Event = e;
        Agent = agent;
        Session = session;
        Groups = groups;
        Group = groups[agent.Group];
        Bindings = engine.Bindings;
        Options = engine.Options;
        NewSession = newSession;
        LearnsBaselines = learnsBaselines;
        AgentEstablished = Options.HasLearned(agent);
        AgentMature = AgentEstablished && engine.Model.OwnBaselinesCalibrated;
        Tick = Ticks.SeenDay(e.Time);
        ToolKey = Keys.Of(e.Tool);
        ResourceKey = e.ResourceField.IsNull ? 0 : ResourcePattern.Hash(e.ResourceField);
        DestinationKey = e.Destination is null ? 0 : Keys.Of(e.Destination);
        DomainKey = e.Destination is null ? 0 : DestinationDomain.Key(e.Destination);
        TenantKey = e.Tenant is null ? 0 : Keys.Of(e.Tenant);
        CredentialKey = e.CredentialId is null ? 0 : Keys.Of(e.CredentialId);
        DestinationIsNew = false;
        TenantIsNew = false;
        TenantIsForeign = false;
        TenantRoleWide = false;
        ToolIsNew = false;
        ToolRoleWide = false;
        DestinationNewForPeers = false;
        DestinationIsYoung = false;
        LargeTransfer = false;
        OutsideParentIntent = false;
        ActionIsRare = false;
        GrowingDoses = false;
        Credential = Rules.CredentialStatus.None;
        CredentialBinding = null;
    }
}
