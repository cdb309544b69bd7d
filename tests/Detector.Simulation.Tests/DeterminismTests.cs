using Xunit;

namespace Detector.Simulation.Tests;

public sealed class DeterminismTests
{
    private static SimulationOptions Small(int seed = 3) => new() { Seed = seed, Agents = 14, HistoryDays = 2, TestDays = 2, AttackRate = 0.1 };

    [Fact]
    public void The_same_options_give_byte_identical_streams()
    {
        var a = SimulationRun.Execute(Small());
        var b = SimulationRun.Execute(Small());
        Assert.Equal(a.HistoryBytes, b.HistoryBytes);
        Assert.Equal(a.EventBytes, b.EventBytes);
        Assert.Equal(a.LabelBytes, b.LabelBytes);
        Assert.Equal(a.Summary.TestSessionsByScenario, b.Summary.TestSessionsByScenario);
    }

    [Fact]
    public void A_different_seed_gives_different_streams()
    {
        var a = SimulationRun.Execute(Small(3));
        var b = SimulationRun.Execute(Small(4));
        Assert.NotEqual(a.HistoryBytes, b.HistoryBytes);
        Assert.NotEqual(a.EventBytes, b.EventBytes);
        Assert.Empty(a.Events.Select(e => e.EventId).Intersect(b.Events.Select(e => e.EventId)));
    }

    [Fact]
    public void History_does_not_depend_on_the_attack_rate()
    {
        var withAttacks = SimulationRun.Execute(Small());
        var o = Small();
        o.AttackRate = 0;
        var without = SimulationRun.Execute(o);
        Assert.Equal(withAttacks.HistoryBytes, without.HistoryBytes);
        Assert.DoesNotContain(without.Labels, l => l.Malicious);
    }
}
