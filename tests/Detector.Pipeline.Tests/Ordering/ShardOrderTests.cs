using System.Globalization;
using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Pipeline.Tests.Ordering;

/// <summary>
/// The channel pipeline with several shards, small channels (so stages wait on each other) and bad
/// records mixed in: every record yields exactly one completion, emitted in input order. Streams stay
/// shorter than the emitter's smallest reorder window (128 completions with channels of 16), so the
/// property is about ordering alone, whichever shard lags.
/// </summary>
public sealed class ShardOrderTests
{
    private const int MaxEvents = 120;

    private static readonly Arbitrary<(int Shards, int Agents, int Events, int Seed)> Runs =
        (from shards in Gen.Choose(2, 8)
         from agents in Gen.Choose(1, 40)
         from events in Gen.Choose(0, MaxEvents)
         from seed in Gen.Choose(0, int.MaxValue)
         select (shards, agents, events, seed)).ToArbitrary();

    [Fact]
    public void Completions_of_several_shards_are_emitted_in_input_order()
    {
        SeededProperty.Verify(Prop.ForAll(Runs, r =>
        {
            var input = Stream(r.Agents, r.Events, r.Seed);
            var settings = new RunSettings { Kind = PipelineKind.Channel };
            settings.Pipeline.Shards = r.Shards;
            settings.Pipeline.ChannelCapacity = 16;

            var run = PipelineRun.RunAsync(input, settings).GetAwaiter().GetResult();

            Assert.Equal(Enumerable.Range(0, input.Lines.Count).Select(i => (long)i), run.Completions.Select(c => c.Sequence));
            Assert.Equal(Enumerable.Range(1, input.Lines.Count).Select(i => (long)i), run.Completions.Select(c => c.Position.Offset));
        }), maxTest: 60);
    }

    [Fact]
    public async Task Every_shard_receives_work_so_the_order_is_restored_across_shards()
    {
        var input = Stream(agents: 40, events: MaxEvents, seed: 1);
        var settings = new RunSettings { Kind = PipelineKind.Channel };
        settings.Pipeline.Shards = 4;
        settings.Pipeline.ChannelCapacity = 16;

        var run = await PipelineRun.RunAsync(input, settings);

        Assert.All(run.Graph.Shards, s => Assert.True(s.Shard.Counters.Agents > 0));
        Assert.Equal(run.Completions.Select(c => c.Sequence).Order(), run.Completions.Select(c => c.Sequence));
    }

    /// <summary>Events of random agents in time order, with one not-JSON line in every 17.</summary>
    private static Input Stream(int agents, int events, int seed)
    {
        var random = new Random(seed);
        var input = new Input();
        for (int i = 0; i < events; i++)
        {
            if (random.Next(17) == 0)
            {
                input.Add("{not json");
                continue;
            }
            int agent = random.Next(agents);
            input.Add(EventJson.Valid($"e-{i}", Stamp.Of(Stamp.Monday.AddSeconds(i)), $"spiffe://corp.example/agent/a-{agent}",
                "s-" + (i / 50).ToString(CultureInfo.InvariantCulture), random.Next(2) == 0 ? "search_tickets" : "read_ticket"));
        }
        return input;
    }
}
