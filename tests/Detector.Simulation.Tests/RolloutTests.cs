using Detector.Domain.Time;
using Detector.Simulation.Fleet;
using Detector.Simulation.Schedule;
using Xunit;

namespace Detector.Simulation.Tests;

[Collection(SmallFleetCollection.Name)]
public sealed class RolloutTests(SmallFleet fleet)
{
    private readonly SimulationRun _run = fleet.Run;

    private string Tool => _run.Summary.RolloutTool;

    [Fact]
    public void The_rolled_out_tool_is_new_to_the_whole_fleet()
    {
        Assert.DoesNotContain(_run.History, e => e.Tool == Tool);
        Assert.Contains(_run.Events, e => e.Tool == Tool);
    }

    [Fact]
    public void It_appears_only_after_the_rollout_and_only_for_agents_of_that_role()
    {
        var roster = FleetBuilder.Build(_run.Options.Seed, _run.Options.Agents);
        var role = roster.OfRole(_run.Summary.RolloutRole).Select(a => a.Id).ToHashSet();
        var at = EventTime.FromDateTimeOffset(_run.Summary.RolloutAt);
        var uses = _run.Events.Where(e => e.Tool == Tool).ToList();
        Assert.All(uses, e => Assert.True(e.Time >= at));
        Assert.All(uses, e => Assert.Contains(e.Agent.Value, role));
    }

    [Fact]
    public void Every_agent_of_the_role_that_works_after_the_rollout_takes_it_up()
    {
        var at = EventTime.FromDateTimeOffset(_run.Summary.RolloutAt);
        var roster = FleetBuilder.Build(_run.Options.Seed, _run.Options.Agents);
        var role = roster.OfRole(_run.Summary.RolloutRole).Select(a => a.Id).ToHashSet();
        var busy = _run.Events.Where(e => role.Contains(e.Agent.Value) && e.Time >= at && !e.IsDelegated)
            .GroupBy(e => e.Agent.Value).Where(g => g.Select(e => e.Session).Distinct().Count() >= 4).Select(g => g.Key).ToList();
        Assert.NotEmpty(busy);
        var adopters = _run.Events.Where(e => e.Tool == Tool).Select(e => e.Agent.Value).ToHashSet();
        Assert.All(busy, agent => Assert.Contains(agent, adopters));
    }

    [Fact]
    public void Sessions_that_use_it_are_labelled_role_rollout()
    {
        var users = _run.Events.Where(e => e.Tool == Tool).Select(e => e.Session.Value).ToHashSet();
        Assert.All(_run.Labels.Where(l => users.Contains(l.SessionId)), l => Assert.Equal(Scenarios.RoleRollout, l.Scenario));
        Assert.Equal(users.Count, _run.Labels.Count(l => l.Scenario == Scenarios.RoleRollout));
    }
}
