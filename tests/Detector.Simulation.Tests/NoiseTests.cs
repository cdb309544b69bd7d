using Detector.Domain.Ingest;
using Xunit;

namespace Detector.Simulation.Tests;

public sealed class NoiseTests
{
    private static SimulationOptions Options(double noise, bool minimal = false) =>
        new() { Seed = 5, Agents = 14, HistoryDays = 2, TestDays = 2, AttackRate = 0.1, NoiseRate = noise, MinimalFields = minimal };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Noise_lines_are_all_rejected_by_the_parser_and_counted(bool minimal)
    {
        var run = SimulationRun.Execute(Options(0.03, minimal));
        var reasons = run.EventRecords.Select(r => SimulationRun.Parse(r).Reason).Where(r => r != RejectReason.None).ToList();
        Assert.Equal(run.Summary.NoiseLines, reasons.Count);
        Assert.InRange(reasons.Count / (double)run.EventLines.Count, 0.015, 0.05);
        Assert.True(reasons.Distinct().Count() >= 5, string.Join(", ", reasons.Distinct()));
    }

    [Fact]
    public void Noise_only_adds_lines_to_events_and_changes_nothing_else()
    {
        var clean = SimulationRun.Execute(Options(0));
        var noisy = SimulationRun.Execute(Options(0.03));
        var kept = noisy.EventRecords.Where(r => SimulationRun.Parse(r).IsAccepted);
        Assert.Equal(clean.EventRecords, kept);
        Assert.Equal(clean.HistoryBytes, noisy.HistoryBytes);
        Assert.Equal(clean.LabelBytes, noisy.LabelBytes);
        Assert.Equal(clean.Summary.TestEvents, noisy.Summary.TestEvents);
    }

    [Fact]
    public void Noise_lines_never_reuse_a_real_event_id()
    {
        var noisy = SimulationRun.Execute(Options(0.05));
        var real = noisy.Events.Select(e => e.EventId).ToHashSet();
        foreach (string line in noisy.EventRecords.Where(r => !SimulationRun.Parse(r).IsAccepted).Select(r => System.Text.Encoding.UTF8.GetString(r)))
        {
            int at = line.IndexOf("evt_", StringComparison.Ordinal);
            if (at >= 0 && at + 20 <= line.Length)
                Assert.DoesNotContain(line.Substring(at, 20), real);
        }
    }
}
