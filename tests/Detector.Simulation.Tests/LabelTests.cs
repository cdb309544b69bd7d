using Detector.Simulation.Schedule;
using Xunit;

namespace Detector.Simulation.Tests;

[Collection(SmallFleetCollection.Name)]
public sealed class LabelTests(SmallFleet fleet)
{
    private static readonly string[] BenignScenarios =
    [
        Scenarios.Normal, Scenarios.RoleRollout, Scenarios.NewVendor, Scenarios.BenignDelegation, Scenarios.RetryStorm, Scenarios.BatchBurst,
        Scenarios.LongSession, Scenarios.TenantOnboarding,
    ];

    private readonly SimulationRun _run = fleet.Run;

    [Fact]
    public void Every_test_session_has_exactly_one_label()
    {
        var labelled = _run.Labels.Select(l => l.SessionId).ToList();
        Assert.Equal(labelled.Count, labelled.Distinct().Count());
        Assert.Equal(_run.Events.Select(e => e.Session.Value).Distinct().Order(), labelled.Order());
        var agents = _run.Events.GroupBy(e => e.Session.Value).ToDictionary(g => g.Key, g => g.First().Agent.Value);
        Assert.All(_run.Labels, l => Assert.Equal(agents[l.SessionId], l.AgentId));
    }

    [Fact]
    public void Label_lines_have_exactly_the_documented_fields()
    {
        Assert.All(_run.Labels, l => Assert.Equal(["session_id", "agent_id", "label", "scenario", "final_event_id"], l.Fields));
    }

    [Fact]
    public void History_sessions_are_unlabelled_and_none_of_them_is_an_attack()
    {
        var labelled = _run.Labels.Select(l => l.SessionId).ToHashSet();
        Assert.DoesNotContain(_run.History, e => labelled.Contains(e.Session.Value));
        Assert.Equal(_run.Summary.HistorySessions, _run.History.Select(e => e.Session).Distinct().Count());
    }

    [Fact]
    public void Chain_labels_name_an_event_of_their_own_session_and_benign_and_single_step_labels_none()
    {
        var sessionOf = _run.Events.ToDictionary(e => e.EventId, e => e.Session.Value);
        foreach (var label in _run.Labels)
        {
            Assert.True(ChainLabels.HasConsistentFinal(label), $"{label.Scenario} label of {label.SessionId}");
            if (label.FinalEventId is null)
                continue;
            Assert.True(sessionOf.TryGetValue(label.FinalEventId!, out string? session), $"{label.FinalEventId} is not in events.jsonl");
            Assert.Equal(label.SessionId, session);
        }
    }

    [Fact]
    public void Every_attack_scenario_occurs_and_benign_scenarios_come_from_the_documented_set()
    {
        var malicious = _run.Labels.Where(l => l.Malicious).Select(l => l.Scenario).ToHashSet();
        Assert.Equal(Scenarios.Attacks.Select(k => k.WireName()).Append(Scenarios.PoisoningDose).Order(), malicious.Order());
        Assert.All(_run.Labels.Where(l => !l.Malicious), l => Assert.Contains(l.Scenario, BenignScenarios));
        Assert.Contains(_run.Labels, l => l.Scenario == Scenarios.NewVendor);
        Assert.Contains(_run.Labels, l => l.Scenario == Scenarios.BenignDelegation);
    }

    [Fact]
    public void The_summary_agrees_with_the_files()
    {
        var s = _run.Summary;
        Assert.Equal(_run.HistoryLines.Count, s.HistoryEvents);
        Assert.Equal(_run.EventLines.Count, s.TestEvents);
        Assert.Equal(0, s.NoiseLines);
        Assert.Equal(_run.Labels.Count(l => l.Malicious), s.MaliciousTestSessions);
        Assert.Equal(_run.Labels.Count(l => !l.Malicious), s.BenignTestSessions);
        Assert.Equal(_run.Labels.GroupBy(l => l.Scenario).ToDictionary(g => g.Key, g => g.Count()), s.TestSessionsByScenario);
    }

    [Fact]
    public void The_summary_text_lists_every_scenario()
    {
        string text = _run.Summary.ToString();
        Assert.All(_run.Summary.TestSessionsByScenario.Keys, s => Assert.Contains(s + ":", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Default_options_give_thousands_of_benign_sessions_and_fifteen_per_attack_scenario()
    {
        using var labels = new MemoryStream();
        var summary = new FleetSimulator(new SimulationOptions { Seed = 101 }).Run(Stream.Null, Stream.Null, labels);
        Assert.True(summary.BenignTestSessions >= 3_000, $"{summary.BenignTestSessions} benign sessions");
        Assert.All(Scenarios.Attacks, kind => Assert.True(summary.TestSessionsByScenario[kind.WireName()] >= 15, kind.WireName()));
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.06)]
    public void Each_scenario_takes_its_share_of_the_attack_rate(double rate)
    {
        var run = SimulationRun.Execute(new SimulationOptions { Seed = 21, Agents = 28, HistoryDays = 1, TestDays = 5, AttackRate = rate });
        double share = run.Labels.Count(l => l.Malicious) / (double)run.Labels.Count;
        Assert.InRange(share, rate * 0.7, rate * 1.5 + 7.0 / run.Labels.Count);
        int perScenario = (int)Math.Ceiling(rate * run.Labels.Count / Scenarios.Attacks.Count);
        foreach (var kind in Scenarios.Attacks)
            Assert.InRange(run.Labels.Count(l => l.Scenario == kind.WireName()), Math.Max(1, perScenario / 2), perScenario * 2 + 2);
    }
}
