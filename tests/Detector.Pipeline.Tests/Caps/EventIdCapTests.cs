using Detector.Pipeline.Stages;
using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Caps;

/// <summary>
/// Pipeline:MaxRememberedEventIds: beyond the cap the oldest ids are forgotten (and counted), so a
/// redelivery of a recent event is still a duplicate while one of a forgotten event is applied again.
/// </summary>
public sealed class EventIdCapTests
{
    private const int Cap = 10;
    private const int Events = 40;
    private const string Agent = "spiffe://corp.example/agent/triage-1";

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task Beyond_the_cap_the_oldest_event_ids_are_forgotten_and_counted(PipelineKind kind)
    {
        var input = new Input();
        var lines = Enumerable.Range(0, Events)
            .Select(i => EventJson.Valid($"e-{i}", Stamp.Of(Stamp.Monday.AddSeconds(i)), Agent).Line())
            .ToList();
        input.AddRange(lines);
        var recent = lines.TakeLast(Cap).Select(l => input.Add(l)).ToList();
        int oldest = input.Add(lines[0]);
        var settings = new RunSettings { Kind = kind };
        settings.Pipeline.MaxRememberedEventIds = Cap;

        var run = await PipelineRun.RunAsync(input, settings);

        Assert.All(recent, line => Assert.Equal(Disposition.Duplicate, run.AtLine(line).Disposition));
        Assert.Equal(Disposition.Applied, run.AtLine(oldest).Disposition);
        Assert.Equal(Cap, run.Summary.Duplicates);
        // Every id forgotten before its de-duplication window ended was pushed out by the cap: all but the last Cap, and
        // then the re-applied oldest pushes out one more.
        Assert.Equal(Events - Cap + 1, run.Summary.EventIdsEvicted);
        Assert.Equal(Cap, run.Graph.Shards.Single().Gate.Dedup.Count);
    }
}
