using Detector.Pipeline.Sources;
using Detector.Pipeline.Tests.Support;
using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Stages;

/// <summary>
/// A failing stage stops the channel pipeline: the run faults instead of hanging with stages blocked
/// on full channels, and nothing is emitted past the failure. The wait guard below only turns a hang
/// into a failure; no test depends on how fast anything runs.
/// </summary>
public sealed class StageFailureTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 30)]
    [InlineData(4, 0)]
    public async Task A_sink_that_throws_while_every_stage_is_blocked_on_a_full_channel_stops_the_run(int shards, int failAt)
    {
        // Far more records than all channels hold together: reader, parser and shards are all waiting
        // when the emitter fails, so only cancellation can release them.
        var sink = new FailingSink(failAt);

        await Assert.ThrowsAnyAsync<Exception>(() => Run(Events(5_000), sink, shards).WaitAsync(HangGuard));

        Assert.Equal(failAt, sink.Written);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_failing_sink_is_reported_as_its_own_error_not_as_the_cancellation_it_causes(int shards)
    {
        var error = await Assert.ThrowsAsync<IOException>(() => Run(Events(40), new FailingSink(5), shards).WaitAsync(HangGuard));

        Assert.Contains("refused completion 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shard_that_throws_fails_the_run_and_emits_nothing_after_the_failed_record()
    {
        var sink = new CollectingSink();
        var input = Events(40);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Run(input, sink, shards: 1, _ => new FailingShard("e-10")).WaitAsync(HangGuard));

        Assert.Contains("e-10", error.Message, StringComparison.Ordinal);
        Assert.All(sink.Completions, c => Assert.True(c.Sequence < 10));
        Assert.False(sink.Completed);
    }

    private static Input Events(int count)
    {
        var input = new Input();
        for (int i = 0; i < count; i++)
            input.Add(EventJson.Valid($"e-{i}", Stamp.Of(Stamp.Monday.AddSeconds(i)), $"spiffe://corp.example/agent/a-{i % 13}"));
        return input;
    }

    private static async Task Run(Input input, Sinks.IOutcomeSink sink, int shards, Func<int, IScoringShard>? createShard = null)
    {
        var options = new PipelineOptions { Shards = shards, ChannelCapacity = 16 };
        var engine = new DetectionEngine(new EngineOptions(), DetectorModel.Empty, new InMemoryBindingTable(new EngineOptions()));
        using var source = new JsonLinesSource(new MemoryStream(input.ToBytes()), "events.jsonl", options.Ingest.MaxRecordBytes);
        var graph = new PipelineGraph(options, new Enforcement.QuarantineOptions(), Domain.Events.ToolCatalog.Empty,
            createShard ?? (_ => engine.CreateShard()), source, wallClock: null);
        await new ChannelPipeline(graph).RunAsync(sink, CancellationToken.None);
    }
}
