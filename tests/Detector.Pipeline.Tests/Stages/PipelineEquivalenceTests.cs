using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Stages;

/// <summary>
/// The inline driver (bench, training) and the channel stages (replay, worker) run the same graph, so
/// they give byte-identical outputs and the same completion for every record.
/// </summary>
public sealed class PipelineEquivalenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Inline_and_channel_pipelines_give_identical_outputs_on_a_mixed_stream(int shards)
    {
        var input = MixedStream();

        var inline = await PipelineRun.RunAsync(input, Settings(PipelineKind.Inline, shards));
        var channel = await PipelineRun.RunAsync(input, Settings(PipelineKind.Channel, shards));

        Assert.NotEmpty(inline.AlertLines);
        Assert.NotEmpty(inline.DeadLetterLines);
        Assert.True(inline.Summary.Duplicates > 0);
        Assert.Equal(inline.Alerts, channel.Alerts);
        Assert.Equal(inline.Signals, channel.Signals);
        Assert.Equal(inline.Scores, channel.Scores);
        Assert.Equal(inline.DeadLetters, channel.DeadLetters);
        Assert.Equal(
            inline.Completions.Select(c => (c.Sequence, c.Disposition, c.Reason, c.SessionRisk, c.Alerts.Count, c.Signals.Count)),
            channel.Completions.Select(c => (c.Sequence, c.Disposition, c.Reason, c.SessionRisk, c.Alerts.Count, c.Signals.Count)));
    }

    [Fact]
    public async Task Inline_and_channel_pipelines_give_identical_outputs_with_a_trained_model()
    {
        var fleet = TrainedFleet.Instance;
        var settings = (PipelineKind kind) => new RunSettings { Kind = kind, Model = fleet.Model };

        var inline = await PipelineRun.RunAsync(fleet.Events, settings(PipelineKind.Inline));
        var channel = await PipelineRun.RunAsync(fleet.Events, settings(PipelineKind.Channel));

        Assert.NotEmpty(inline.AlertLines);
        Assert.Equal(inline.Alerts, channel.Alerts);
        Assert.Equal(inline.Signals, channel.Signals);
        Assert.Equal(inline.Scores, channel.Scores);
        Assert.Equal(inline.DeadLetters, channel.DeadLetters);
    }

    [Fact]
    public async Task Replaying_the_same_stream_twice_gives_byte_identical_outputs()
    {
        var input = MixedStream();

        var first = await PipelineRun.RunAsync(input, Settings(PipelineKind.Channel, 1));
        var second = await PipelineRun.RunAsync(input, Settings(PipelineKind.Channel, 1));

        Assert.NotEmpty(first.AlertLines);
        Assert.Equal(first.Alerts, second.Alerts);
        Assert.Equal(first.Signals, second.Signals);
        Assert.Equal(first.Scores, second.Scores);
        Assert.Equal(first.DeadLetters, second.DeadLetters);
    }

    /// <summary>The small triage fleet with its attack, a redelivery every 40 events and garbage every 60.</summary>
    private static Input MixedStream()
    {
        var traffic = new AgentTraffic();
        var input = new Input();
        for (int i = 0; i < traffic.Lines.Count; i++)
        {
            input.Add(traffic.Lines[i]);
            if (i % 40 == 39)
                input.Add(traffic.Lines[i]);
            if (i % 60 == 59)
                input.Add("{\"event_id\": ");
        }
        return input;
    }

    private static RunSettings Settings(PipelineKind kind, int shards)
    {
        var settings = new RunSettings { Kind = kind };
        settings.Pipeline.Shards = shards;
        return settings;
    }
}
