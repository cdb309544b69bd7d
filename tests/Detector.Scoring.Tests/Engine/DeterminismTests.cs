using Detector.Scoring.Model;
using Detector.Simulation;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Scoring.Tests.Engine;

/// <summary>The same input and model always give the same risks and alerts, on streams that do alert.</summary>
public sealed class DeterminismTests
{
    /// <summary>Small fleets with attacks, each with a model trained on its own history.</summary>
    private static readonly Arbitrary<SimulationOptions> Fleets =
        (from seed in Gen.Choose(1, 1_000_000)
         from agents in Gen.Choose(7, 10)
         from attackRate in Gen.Elements(0.1, 0.3)
         select new SimulationOptions { Seed = seed, Agents = agents, HistoryDays = 1, TestDays = 1, AttackRate = attackRate }).ToArbitrary();

    [Fact]
    public void Replaying_the_same_stream_twice_gives_the_same_risks_and_alerts()
    {
        SeededEngineProperty.Verify(Prop.ForAll(Fleets, options =>
        {
            var fleet = new Fleet(options);

            var first = ShardRun.Replay(fleet.Model, fleet.Events);
            var second = ShardRun.Replay(fleet.Model, fleet.Events);

            Assert.Contains(first, s => s.Alerts.Count > 0);
            Assert.Equal(first.Select(s => (s.EventId, s.Risk)), second.Select(s => (s.EventId, s.Risk)));
            Assert.Equal(first.SelectMany(s => s.AlertFacts), second.SelectMany(s => s.AlertFacts));
        }), maxTest: 8);
    }

    [Fact]
    public void An_untrained_engine_learning_online_is_as_deterministic_as_a_trained_one()
    {
        var fleet = Fleet.Instance;

        var first = ShardRun.Replay(DetectorModel.Empty, fleet.Events);
        var second = ShardRun.Replay(DetectorModel.Empty, fleet.Events);

        Assert.Contains(first, s => s.Alerts.Count > 0);
        Assert.Equal(first.Select(s => (s.EventId, s.Risk)), second.Select(s => (s.EventId, s.Risk)));
        Assert.Equal(first.SelectMany(s => s.AlertFacts), second.SelectMany(s => s.AlertFacts));
    }
}
