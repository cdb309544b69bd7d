using Detector.Domain.Events;
using Detector.Domain.Time;
using Detector.Simulation.Fleet;
using Detector.Simulation.Schedule;
using Detector.Simulation.Sessions;
using Xunit;

namespace Detector.Simulation.Tests;

/// <summary>Each scenario shows the behaviour it stands for, at its final event.</summary>
[Collection(SmallFleetCollection.Name)]
public sealed class ScenarioTests(SmallFleet fleet)
{
    private readonly SimulationRun _run = fleet.Run;
    private readonly FleetRoster _roster = FleetBuilder.Build(fleet.Run.Options.Seed, fleet.Run.Options.Agents);

    /// <summary>Sessions of a multi-step scenario with the event their label names as final.</summary>
    private IEnumerable<(Label Label, IReadOnlyList<ToolEvent> Events, ToolEvent Final)> Attacks(AttackKind kind) =>
        _run.Sessions(l => l.Scenario == kind.WireName()).Select(s => (s.Label, s.Events, s.Events.Single(e => e.EventId == s.Label.FinalEventId)));

    private List<ToolEvent> Before(ToolEvent e) =>
        [.. _run.History.Concat(_run.Events).Where(x => x.Agent == e.Agent && x.Time < e.Time)];

    [Fact]
    public void Exfiltration_reads_sensitive_data_then_sends_it_somewhere_the_agent_never_sent_to()
    {
        foreach (var (_, events, final) in Attacks(AttackKind.ExfiltrationChain))
        {
            Assert.Equal(ToolAction.Transfer, final.Action);
            Assert.DoesNotContain(Before(final), e => e.Destination == final.Destination);
            Assert.True(events.TakeWhile(e => e != final).Count(e => e.Sensitivity >= Sensitivity.Confidential && e.Action == ToolAction.Read) >= 3);
        }
    }

    [Fact]
    public void Privilege_escalation_ends_in_a_granted_privilege_change_by_a_role_that_does_not_grant()
    {
        foreach (var (label, events, final) in Attacks(AttackKind.PrivilegeEscalation))
        {
            Assert.Equal((ToolAction.Privilege, Outcome.Success), (final.Action, final.Outcome));
            Assert.False(Role(label.AgentId).GrantsPrivileges);
            Assert.True(events.Count(e => e.Action == ToolAction.Privilege) >= 2);
        }
    }

    [Fact]
    public void Scope_drift_writes_or_sends_in_a_tenant_the_agent_does_not_serve()
    {
        foreach (var (label, _, final) in Attacks(AttackKind.ScopeDrift))
        {
            Assert.True(final.Action is ToolAction.Write or ToolAction.Transfer);
            Assert.DoesNotContain(final.Tenant, Agent(label.AgentId).Tenants);
            Assert.Contains(final.Tenant!, final.Resource ?? final.Tenant!);
        }
    }

    [Fact]
    public void Runaway_loops_run_far_past_the_longest_benign_session()
    {
        int longestBenign = _run.History.GroupBy(e => e.Session).Max(g => g.Count());
        foreach (var (_, events, final) in Attacks(AttackKind.RunawayLoop))
        {
            Assert.True(events.Count >= 2 * SessionLimits.BenignCeiling);
            Assert.True(events.Count > longestBenign);
            int index = events.ToList().IndexOf(final);
            Assert.True(index >= SessionLimits.BenignCeiling, $"final at {index}");
            Assert.True(events.Count(e => e.Outcome == Outcome.Error) > events.Count / 5);
        }
    }

    [Fact]
    public void Credential_misuse_presents_an_expired_or_someone_elses_credential_as_a_single_damaging_step()
    {
        var owners = _run.History.Concat(_run.Events).GroupBy(e => e.CredentialId!).ToDictionary(g => g.Key, g => g.Min(e => e.Time));
        var variants = new HashSet<string>();
        foreach (var (label, events) in _run.Sessions(l => l.Scenario == AttackKind.CredentialMisuse.WireName()))
        {
            // One misused credential is a single step, not a chain: there is nothing before it to warn on.
            Assert.Null(label.FinalEventId);
            bool Expired(ToolEvent e) => e.Time > e.CredentialExpiresAt!.Value + TimeSpan.FromMinutes(2);
            bool Borrowed(ToolEvent e) => owners[e.CredentialId!] < events[0].Time;
            var misuse = events.FirstOrDefault(e => Expired(e) || Borrowed(e));
            Assert.True(misuse is not null, $"{label.SessionId} uses only valid credentials of its own");
            variants.Add(Expired(misuse) ? "expired" : "borrowed");
        }
        Assert.Equal(2, variants.Count);
    }

    [Fact]
    public void Delegation_laundering_labels_a_child_that_leaves_its_benign_parents_intent()
    {
        var labels = _run.Labels.ToDictionary(l => l.SessionId);
        foreach (var (_, events, final) in Attacks(AttackKind.DelegationLaundering))
        {
            Assert.True(final.IsDelegated);
            Assert.False(labels[final.ParentSession.Value].Malicious);
            Assert.True(final.Action is ToolAction.Transfer or ToolAction.Privilege);
            Assert.Equal(events[0].Intent, final.Intent);
        }
    }

    [Fact]
    public void Slow_poisoning_grows_doses_to_one_new_destination_before_a_large_send()
    {
        var finals = Attacks(AttackKind.SlowPoisoning).ToList();
        Assert.NotEmpty(finals);
        var doseSessions = _run.Sessions(l => l.Scenario == Scenarios.PoisoningDose).ToList();
        Assert.All(doseSessions, d => Assert.Null(d.Label.FinalEventId));
        foreach (var (_, _, final) in finals)
        {
            // The campaign's earlier doses: the same agent's dose sessions sending to the same destination.
            var sends = doseSessions.SelectMany(d => d.Events)
                .Where(e => e.Agent == final.Agent && e.Action == ToolAction.Transfer && e.Destination == final.Destination)
                .Append(final).OrderBy(e => e.Time).ToList();
            Assert.True(sends.Count >= 3, $"{final.Destination}: {sends.Count} sends");
            Assert.DoesNotContain(_run.History, e => e.Destination == final.Destination);
            Assert.True(sends[^1].BytesOut > sends.Take(sends.Count - 1).Max(e => e.BytesOut));
        }
    }

    [Fact]
    public void Benign_traffic_holds_the_hard_cases_naive_rules_trip_on()
    {
        var malicious = _run.Labels.Where(l => l.Malicious).Select(l => l.SessionId).ToHashSet();
        var benign = _run.Events.Where(e => !malicious.Contains(e.Session.Value)).ToList();
        var seen = _run.History.Where(e => e.Destination is not null).Select(e => (e.Agent, e.Destination)).ToHashSet();
        Assert.Contains(benign, e => e.Destination is not null && e.Action == ToolAction.Transfer && !seen.Contains((e.Agent, e.Destination)));
        Assert.Contains(benign, e => e.Action == ToolAction.Privilege);
        Assert.Contains(_run.History, e => e.BytesOut > 50_000_000);
        var retries = benign.GroupBy(e => e.Session).Where(g => g.Count(e => e.Outcome == Outcome.Error) >= 4);
        Assert.NotEmpty(retries);
        var tenants = _run.History.GroupBy(e => e.Agent).Where(g => g.Select(e => e.Tenant).Distinct().Count() > 1);
        Assert.NotEmpty(tenants);
    }

    private Agent Agent(string id) => _roster.Agents.Single(a => a.Id == id);

    private Detector.Simulation.Catalog.RoleSpec Role(string id) => Agent(id).Role;

    [Fact]
    public void Attacks_are_spread_over_test_days_and_roles()
    {
        var start = EventTime.FromDateTimeOffset(_run.Options.Start);
        var days = _run.Sessions(l => l.Malicious).Select(s => (int)((s.Events[0].Time - start).TotalDays)).Distinct().Count();
        Assert.Equal(_run.Options.TestDays, days);
        var roles = _run.Labels.Where(l => l.Malicious).Select(l => Role(l.AgentId).Name).Distinct().Count();
        Assert.True(roles >= 5, $"{roles} roles");
    }
}
