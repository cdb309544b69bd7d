using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Simulation.Tests;

public sealed class PropertyTests
{
    [Fact]
    public void Any_small_fleet_writes_parseable_lines_and_labels_every_test_session_once()
    {
        var options =
            from seed in Gen.Choose(0, 1_000_000)
            from agents in Gen.Choose(7, 12)
            from history in Gen.Choose(1, 2)
            from test in Gen.Choose(1, 2)
            from rate in Gen.Elements(0.0, 0.05, 0.2)
            select new SimulationOptions { Seed = seed, Agents = agents, HistoryDays = history, TestDays = test, AttackRate = rate };
        Prop.ForAll(options.ToArbitrary(), o =>
        {
            var run = SimulationRun.Execute(o);
            bool parsed = run.History.Count == run.HistoryLines.Count && run.Events.Count == run.EventLines.Count;
            var sessions = run.Events.Select(e => e.Session.Value).Distinct().Order();
            bool covered = sessions.SequenceEqual(run.Labels.Select(l => l.SessionId).Order());
            bool finals = run.Labels.All(ChainLabels.HasConsistentFinal);
            return parsed && covered && finals;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(8));
    }
}
