using System.Globalization;
using System.Text.Json.Nodes;
using Detector.Domain.Ingest;
using Detector.Pipeline.Stages;
using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Ingest;

/// <summary>
/// Redeliveries (the same event id again) are dropped and counted, never dead-lettered, and change
/// nothing: the outputs equal those of the same stream without them.
/// </summary>
public sealed class DuplicateTests
{
    private static readonly AgentTraffic Traffic = new();

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task Redelivered_events_are_dropped_and_counted_but_not_dead_lettered(PipelineKind kind)
    {
        var (input, redelivered) = WithRedeliveries(Traffic.Lines);

        var run = await PipelineRun.RunAsync(input, new RunSettings { Kind = kind });

        Assert.Equal(redelivered.Count, run.Summary.Duplicates);
        Assert.Empty(run.DeadLetterLines);
        Assert.Equal(Traffic.Lines.Count, run.Summary.Applied);
        Assert.Equal(run.Summary.Records, run.Summary.Applied + run.Summary.Duplicates);
        Assert.All(redelivered, line =>
        {
            var c = run.AtLine(line);
            Assert.Equal((Disposition.Duplicate, RejectReason.Duplicate), (c.Disposition, c.Reason));
            Assert.Null(c.DeadLetter);
            Assert.Empty(c.Alerts);
            Assert.Empty(c.Signals);
        });
    }

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task Redeliveries_leave_alerts_signals_and_scores_exactly_as_without_them(PipelineKind kind)
    {
        var clean = await PipelineRun.RunAsync(new Input().AddRange(Traffic.Lines), new RunSettings { Kind = kind });
        var (input, _) = WithRedeliveries(Traffic.Lines);

        var redelivered = await PipelineRun.RunAsync(input, new RunSettings { Kind = kind });

        Assert.NotEmpty(clean.AlertLines);
        Assert.Equal(clean.Alerts, redelivered.Alerts);
        Assert.Equal(clean.Signals, redelivered.Signals);
        Assert.Equal(clean.Scores, redelivered.Scores);
    }

    /// <summary>
    /// Every seventh event again right after itself, and every 150 events those of the last ten minutes
    /// again (a consumer rewinding to its last commit after a crash: redeliveries are minutes old, well
    /// inside the de-duplication window). Returns the input and the line numbers of the copies.
    /// </summary>
    private static (Input Input, List<int> Redelivered) WithRedeliveries(IReadOnlyList<string> lines)
    {
        var input = new Input();
        var copies = new List<int>();
        var times = lines.Select(l => DateTimeOffset.Parse(JsonNode.Parse(l)!["time"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        for (int i = 0; i < lines.Count; i++)
        {
            input.Add(lines[i]);
            if (i % 7 == 3)
                copies.Add(input.Add(lines[i]));
            if (i % 150 == 149)
            {
                for (int j = 0; j <= i; j++)
                {
                    if (times[j] >= times[i].AddMinutes(-10))
                        copies.Add(input.Add(lines[j]));
                }
            }
        }
        return (input, copies);
    }
}
