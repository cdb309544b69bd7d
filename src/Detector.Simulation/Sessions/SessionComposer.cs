using Detector.Domain.Events;
using Detector.Domain.Time;
using Detector.Simulation.Attacks;
using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Randomness;
using Detector.Simulation.Schedule;

namespace Detector.Simulation.Sessions;

/// <summary>
/// Plans the steps of a session: a walk of one of the role's workflows, bent by the planned benign
/// variation (retry storm, new vendor, batch, long), the mid-test rollout and hand-overs; or, for a
/// hijacked session, by its attack shaper.
/// </summary>
internal sealed class SessionComposer(FleetRoster fleet, Timeline timeline, IdSource ids, int seed)
{
    private const double RolloutUptake = 0.7;
    private const double PartnerLoyalty = 0.85;
    private const double NewVendorApproval = 0.7;
    private const double OnboardedTenantShare = 0.35;

    public SessionDraft Compose(SessionPlan plan)
    {
        var rng = Rng.Derive(seed, StreamPurpose.Session, plan.Key);
        var agent = plan.Agent;
        var role = agent.Role;
        bool onboarded = plan.Start >= timeline.OnboardingAt && fleet.Onboarding.Agents.Contains(agent) && rng.Chance(OnboardedTenantShare);
        string tenant = onboarded ? fleet.Onboarding.Tenant : agent.Tenants[rng.PickZipf(agent.Tenants.Count)];
        // Work-item numbers grow every day: each day brings resources no one touched before.
        var scope = new StepScope(rng, agent, tenant, 10_000 + plan.Day * 150L + rng.Below(150)) { Time = plan.Start };
        var attack = plan.Attack;
        var variation = attack is null ? plan.Variation : BenignVariation.Normal;
        var workflow = PickWorkflow(role, variation == BenignVariation.BatchBurst ? WorkflowUse.Batch : WorkflowUse.Routine, rng);
        string intent = workflow.Intent(scope);
        List<Step> steps;
        string scenario;
        // A laundering hijack leaves the parent's own work benign; its child session carries the attack.
        bool malicious = false;
        if (attack is { Kind: not AttackKind.DelegationLaundering } hijack)
        {
            var context = new AttackContext(agent, fleet, rng, workflow, hijack);
            AttackShapers.For(hijack.Kind).Shape(context);
            steps = context.Steps;
            scenario = hijack.IsPoisoningDose ? Scenarios.PoisoningDose : hijack.Kind.WireName();
            malicious = true;
        }
        else
        {
            steps = ComposeBenign(plan, variation, workflow, rng, out scenario);
            if (onboarded && scenario != Scenarios.RoleRollout)
                scenario = Scenarios.TenantOnboarding;
            bool launder = attack?.Kind == AttackKind.DelegationLaundering;
            if (launder || (role.DelegatesTo.Count > 0 && rng.Chance(role.DelegationRate)))
                AddDelegation(agent, steps, launder, rng);
        }
        return new SessionDraft
        {
            Agent = agent,
            SessionId = ids.NextSession(),
            Start = plan.Start,
            Tenant = tenant,
            Intent = intent,
            Sponsor = agent.Sponsors[rng.PickZipf(agent.Sponsors.Count)],
            Scope = scope,
            Steps = steps,
            Scenario = scenario,
            Malicious = malicious,
            Labelled = plan.IsTest,
            Key = plan.Key,
        };
    }

    /// <summary>The sub-agent's session: same tenant, work item and sponsor as its parent, an intent derived from the parent's task.</summary>
    public SessionDraft ComposeChild(SessionDraft parent, DelegationOrder order, EventTime start)
    {
        var rng = Rng.Derive(seed, StreamPurpose.Session, parent.Key, 1);
        var child = order.Child;
        var scope = new StepScope(rng, child, parent.Tenant, parent.Scope.Ticket) { Time = start };
        List<Step> steps;
        if (order.Attack is { } kind)
        {
            var context = new AttackContext(child, fleet, rng, order.Workflow, new AttackAssignment(kind, 0));
            AttackShapers.For(kind).Shape(context);
            steps = context.Steps;
        }
        else
        {
            var tools = new List<ToolSpec>();
            order.Workflow.Walk(rng, 2, 12, tools);
            steps = [.. tools.Select(t => new Step(t))];
        }
        return new SessionDraft
        {
            Agent = child,
            SessionId = ids.NextSession(),
            Start = start,
            Tenant = parent.Tenant,
            Intent = order.Workflow.Intent(scope),
            Sponsor = parent.Sponsor,
            Scope = scope,
            Steps = steps,
            Scenario = order.Attack?.WireName() ?? Scenarios.BenignDelegation,
            Malicious = order.Attack is not null,
            Labelled = parent.Labelled,
            Key = parent.Key,
            ParentAgent = parent.Agent,
            ParentSessionId = parent.SessionId,
        };
    }

    private List<Step> ComposeBenign(SessionPlan plan, BenignVariation variation, WorkflowSpec workflow, Rng rng, out string scenario)
    {
        var (min, max, pace) = variation switch
        {
            BenignVariation.LongSession => (SessionLimits.LongMin, SessionLimits.LongMax, Pace.Normal),
            BenignVariation.BatchBurst => (SessionLimits.BatchMin, SessionLimits.BatchMax, Pace.Batch),
            _ => (SessionLimits.NormalMin, SessionLimits.NormalMax, Pace.Normal),
        };
        var tools = new List<ToolSpec>();
        workflow.Walk(rng, min, max, tools);
        var steps = tools.Select(t => new Step(t) { Pace = pace }).ToList();
        scenario = variation.WireName();
        if (variation == BenignVariation.RetryStorm)
            AddRetryStorm(steps, rng);
        else if (variation == BenignVariation.NewVendor)
            AddNewVendor(plan.Agent.Role, steps, rng);

        var role = plan.Agent.Role;
        if (role == fleet.RolloutRole && plan.Start >= timeline.RolloutAt && rng.Chance(RolloutUptake))
        {
            int count = rng.Between(1, 2);
            for (int i = 0; i < count; i++)
                steps.Insert(rng.Between(1, steps.Count), new Step(role.RolloutTool) { Pace = pace });
            scenario = Scenarios.RoleRollout;
        }
        return steps;
    }

    /// <summary>Several failing calls to one tool with back-off, then success: the same call each time.</summary>
    private static void AddRetryStorm(List<Step> steps, Rng rng)
    {
        int at = rng.Below(steps.Count);
        var target = steps[at];
        int failures = rng.Between(4, 10);
        var storm = new List<Step>(failures);
        for (int k = 0; k < failures; k++)
            storm.Add(new Step(target.Tool) { Outcome = Outcome.Error, RepeatPrevious = k > 0, Pace = k > 0 ? Pace.Retry : target.Pace });
        target.RepeatPrevious = true;
        target.Pace = Pace.Retry;
        target.Outcome = Outcome.Success;
        steps.InsertRange(at, storm);
    }

    /// <summary>A send to a vendor or recipient the agent never used, usually with an approval; the agent keeps it.</summary>
    private static void AddNewVendor(RoleSpec role, List<Step> steps, Rng rng)
    {
        var step = steps.FirstOrDefault(s => s.Tool.IsExternalTransfer);
        if (step is null)
        {
            step = new Step(rng.Pick(role.ExternalTransfers));
            steps.Insert(rng.Between(1, steps.Count), step);
        }
        step.Destination = DestinationChoice.Adopt;
        step.Approval = rng.Chance(NewVendorApproval) ? true : null;
    }

    private void AddDelegation(Agent agent, List<Step> steps, bool launder, Rng rng)
    {
        var routes = agent.Role.DelegatesTo
            .Where(r => agent.Partners.ContainsKey(r.ChildRole) && (!launder || DelegationLaundering.CanLaunder(FleetCatalog.Role(r.ChildRole))))
            .ToArray();
        if (routes.Length == 0)
            return;
        var route = routes[rng.PickIndex([.. routes.Select(r => r.Weight)])];
        var partners = agent.Partners[route.ChildRole];
        var child = rng.Chance(PartnerLoyalty) ? partners[rng.PickZipf(partners.Count)] : rng.Pick(fleet.OfRole(route.ChildRole));
        var order = new DelegationOrder(child, FleetCatalog.Role(route.ChildRole).Workflow(route.ChildWorkflow), launder ? AttackKind.DelegationLaundering : null);
        // A laundering hand-over must happen; an ordinary one may fail like any call.
        var step = new Step(agent.Role.Tool("agents.delegate")) { Delegation = order, Outcome = launder ? Outcome.Success : null };
        steps.Insert(rng.Between(1, steps.Count), step);
    }

    private static WorkflowSpec PickWorkflow(RoleSpec role, WorkflowUse use, Rng rng)
    {
        var workflows = role.WorkflowsFor(use);
        if (workflows.Count == 0)
            workflows = role.WorkflowsFor(WorkflowUse.Routine);
        return workflows[rng.PickIndex([.. workflows.Select(w => w.Weight)])];
    }
}
