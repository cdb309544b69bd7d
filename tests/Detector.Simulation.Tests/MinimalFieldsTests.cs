using Xunit;

namespace Detector.Simulation.Tests;

public sealed class MinimalFieldsTests
{
    private static SimulationOptions Options(bool minimal) =>
        new() { Seed = 9, Agents = 14, HistoryDays = 2, TestDays = 2, AttackRate = 0.1, MinimalFields = minimal };

    [Fact]
    public void Minimal_lines_carry_only_the_five_required_fields()
    {
        var run = SimulationRun.Execute(Options(minimal: true));
        foreach (string line in run.HistoryLines.Concat(run.EventLines))
            Assert.Equal(["event_id", "time", "agent_id", "session_id", "tool"], SimulationRun.FieldNames(line));
        Assert.Equal(run.HistoryLines.Count + run.EventLines.Count, run.History.Count + run.Events.Count);
    }

    [Fact]
    public void Minimal_output_has_the_same_events_and_labels_as_full_output()
    {
        var minimal = SimulationRun.Execute(Options(minimal: true));
        var full = SimulationRun.Execute(Options(minimal: false));
        static IEnumerable<string> Key(IEnumerable<Detector.Domain.Events.ToolEvent> events) =>
            events.Select(e => string.Join('|', e.EventId, e.Time, e.Agent, e.Session, e.Tool));
        Assert.Equal(Key(full.History), Key(minimal.History));
        Assert.Equal(Key(full.Events), Key(minimal.Events));
        Assert.Equal(full.LabelBytes, minimal.LabelBytes);
    }
}
