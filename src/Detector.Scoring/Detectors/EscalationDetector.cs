using Detector.Domain.Events;
using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Detectors;

/// <summary>
/// Multi-step escalation inside a session, where each step may look normal alone:
/// sensitive data read, then sent to a destination the agent has not established; an unusually
/// large transfer; a run of privilege changes by an agent that rarely changes privileges; work in a
/// tenant that is not the agent's. Runs after the novelty detector, whose verdicts it reads.
/// </summary>
/// <remarks>
/// p-values multiply the chance of each link under the agent's own habits: for exfiltration,
/// P(transfer goes somewhere new) x P(a transfer follows a sensitive read in its session); for a
/// privilege run, k actions in a row at the agent's privilege share, and the agent's usual longest run.
/// </remarks>
public sealed class EscalationDetector : IDetector
{
    private const double ReportBelow = 0.05;

    /// <summary>A transfer this unlikely in size for the agent counts as large for the policy rules (one in a thousand).</summary>
    private const double LargeTransferBelow = 0.001;

    /// <summary>The share assumed for an action an immature agent has no history of.</summary>
    private const double UnknownShare = 0.05;

    public void Score(EventContext c, FindingBuffer findings)
    {
        var e = c.Event;
        var chain = c.Session.Chain;
        var agent = c.Agent;
        switch (e.Action)
        {
            case ToolAction.Transfer:
                ScoreTransfer(c, findings);
                break;
            case ToolAction.Privilege when chain.PrivilegeRun >= 2:
            {
                double share = c.AgentMature && agent.Novelty.TotalActions > 0
                    ? (agent.Novelty.ActionCount(ToolAction.Privilege) + 0.5) / (agent.Novelty.TotalActions + 1)
                    : UnknownShare;
                // Privilege actions cluster (an access-review session is all grants), so the session is also
                // judged against the agent's sessions; the binomial of independent steps only bounds it.
                // The run: k privilege actions in a row has chance about share^(k-1) after the first, and is
                // also judged against the agent's longest runs (access reviews grant in batches).
                int run = chain.PrivilegeRun;
                double p = Math.Max(Math.Pow(share, run - 1), c.AgentMature ? agent.Shape.PrivilegeRuns.PValueAbove(run) : 0);
                if (p < ReportBelow)
                    findings.Add(new Finding(EvidenceKind.PrivilegeRun, Math.Max(p, 1e-12), e.Tool, run, share, chain.OrdinaryStepsBeforePrivilege));
                break;
            }
        }

        if (IsForeignTenantStep(c))
        {
            int steps = chain.ForeignTenantSteps + 1;
            double pNew = c.AgentMature ? agent.Novelty.PNew(NoveltyCategory.Tenant) : c.Group.Rate(NoveltyCategory.Tenant).PNew;
            double p = pNew * Math.Pow(0.2, steps - 1);
            if (p < ReportBelow)
                findings.Add(new Finding(EvidenceKind.CrossTenant, Math.Max(p, 1e-12), e.Tenant, steps, 0, 0,
                    c.AgentMature ? FindingScope.Agent : FindingScope.PeerGroup));
        }
    }

    /// <summary>A change made in a tenant the agent has not established (reads are the novelty detector's).</summary>
    private static bool IsForeignTenantStep(EventContext c) =>
        c.TenantIsForeign && !c.TenantRoleWide && c.Event.Action is ToolAction.Write or ToolAction.Transfer or ToolAction.Privilege or ToolAction.Execute;

    private static void ScoreTransfer(EventContext c, FindingBuffer findings)
    {
        var e = c.Event;
        var chain = c.Session.Chain;
        var transfers = c.Agent.Transfers;
        bool young = c.DestinationKey != 0 && transfers.Young.TryGet(c.DestinationKey, e.Time, out _);
        c.DestinationIsYoung = young;
        if (c.DestinationKey != 0 && chain.SensitiveReads > 0)
        {
            if (c.DestinationIsNew || young)
            {
                double pDestination = c.AgentMature ? c.Agent.Novelty.PNew(NoveltyCategory.TransferDestination) : c.Group.Rate(NoveltyCategory.TransferDestination).PNew;
                if (young && !c.DestinationIsNew)
                    pDestination = Math.Sqrt(pDestination);
                double pAfterRead = c.AgentMature ? transfers.AfterSensitiveRead.PNew : 0.5;
                // How much was gathered first: more sensitive reads than the agent's transfers usually follow.
                // Counted at half its log-evidence, since the read-burst detector sees part of the same reads.
                var reads = transfers.ReadsBeforeTransfer;
                double pGathered = c.AgentMature && reads.IsTrusted && chain.SensitiveReads > 2 * reads.Typical + 1
                    ? Math.Sqrt(reads.PValueAbove(chain.SensitiveReads)) : 1;
                double p = Math.Max(pDestination * pAfterRead * pGathered, 1e-12);
                if (p < ReportBelow)
                    findings.Add(new Finding(EvidenceKind.SensitiveExfiltration, p, e.Destination, c.Session.Steps - chain.LastSensitiveReadStep, 0, chain.SensitiveReads));
            }
        }

        if (e.BytesOut is not long bytes)
            return;
        // The subject names the tool when its own sizes were the measure.
        var sizes = transfers.SizesFor(c.ToolKey, out bool byTool);
        if (sizes.IsTrusted && bytes > 4 * sizes.Typical)
        {
            double p = sizes.PValueAbove(bytes);
            c.LargeTransfer = p < LargeTransferBelow;
            if (p < ReportBelow)
                findings.Add(new Finding(EvidenceKind.TransferVolume, p, byTool ? e.Tool : null, bytes, sizes.Typical, sizes.Max));
        }
    }

    public void Learn(EventContext c)
    {
        var e = c.Event;
        if (IsForeignTenantStep(c))
            c.Session.Chain.ForeignTenantSteps++;
        if (e.Action != ToolAction.Transfer)
            return;
        var transfers = c.Agent.Transfers;
        if (c.LearnsBaselines)
        {
            if (e.BytesOut is long bytes)
            {
                transfers.Bytes.Observe(bytes);
                transfers.BytesByTool.Observe(c.ToolKey, bytes);
            }
            transfers.AfterSensitiveRead.Observe(c.Session.Chain.SensitiveReads > 0);
            transfers.ReadsBeforeTransfer.Observe(c.Session.Chain.SensitiveReads);
        }
        // Young destinations are a record of what was sent where, kept even for flagged sessions: the
        // doses of a slow poisoning must add up whether or not one of them was caught. Only a destination
        // that appears once the agent's habits are established starts young (every destination is new
        // in an agent's first days, which says nothing).
        if (c.DestinationKey != 0)
            transfers.Young.Record(c.DestinationKey, e.Time, e.BytesOut ?? 0, c.DestinationIsNew && c.AgentEstablished);
    }
}
