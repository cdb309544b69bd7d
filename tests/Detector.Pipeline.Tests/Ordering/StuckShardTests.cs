using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Pipeline.Sources;
using Detector.Pipeline.Stages;
using Detector.Pipeline.Tests.Support;
using Detector.Scoring.Engine;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Ordering;

/// <summary>
/// One shard stuck on a record while another races ahead: the records in flight stay within the
/// reorder window (the reader waits), so the run neither overflows the reorder buffer nor loses order.
/// </summary>
public sealed class StuckShardTests
{
    private const int Capacity = 16;
    private const int Records = 400;

    [Fact]
    public async Task A_shard_stuck_on_its_first_record_holds_the_reader_back_instead_of_overflowing_the_reorder_window()
    {
        var router = new ShardRouter(2);
        string slow = AgentOn(router, 0), fast = AgentOn(router, 1);
        var input = new Input();
        input.Add(EventJson.Valid("slow-0", Stamp.Of(Stamp.Monday), slow));
        for (int i = 1; i < Records; i++)
            input.Add(EventJson.Valid($"fast-{i}", Stamp.Of(Stamp.Monday.AddSeconds(i)), fast));
        var fastShard = new CountingShard();
        // The stuck shard lets its record go once the fast shard has run past where an unbounded
        // pipeline would overflow, or after a grace period if the reader is (rightly) holding back.
        var stuck = new HeldShard(fastShard, Records - 1, TimeSpan.FromSeconds(2));
        var sink = new CollectingSink();
        var options = new PipelineOptions { Shards = 2, ChannelCapacity = Capacity };
        using var source = new JsonLinesSource(new MemoryStream(input.ToBytes()), "events.jsonl", options.Ingest.MaxRecordBytes);
        var graph = new PipelineGraph(options, new Enforcement.QuarantineOptions(), ToolCatalog.Empty,
            i => i == 0 ? stuck : fastShard, source, wallClock: null);

        await new ChannelPipeline(graph).RunAsync(sink, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        int window = Capacity * (2 + 2) + 2 + 4;
        Assert.InRange(stuck.OthersProcessedWhileHeld, 1, window);
        Assert.Equal(Enumerable.Range(0, Records).Select(i => (long)i), sink.Completions.Select(c => c.Sequence));
    }

    private static string AgentOn(ShardRouter router, int shard) =>
        Enumerable.Range(0, 100).Select(i => $"spiffe://corp.example/agent/a-{i}").First(a => router.Route(new AgentId(a)) == shard);

    /// <summary>Counts what it scores; scores nothing.</summary>
    private sealed class CountingShard : IScoringShard
    {
        private int _processed;

        public int Processed => Volatile.Read(ref _processed);

        public StateCounters Counters { get; } = new();

        public bool TryGetHighWater(AgentId agent, out EventTime highWater)
        {
            highWater = default;
            return false;
        }

        public void Process(ToolEvent e, EventTime detectedAt, ScoreResult result)
        {
            result.Session = e.SessionKey;
            Interlocked.Increment(ref _processed);
        }
    }

    /// <summary>Blocks on its first record until the other shard has scored enough, or the grace period ends.</summary>
    private sealed class HeldShard(CountingShard others, int releaseAt, TimeSpan grace) : IScoringShard
    {
        private int _othersAtRelease = -1;

        public StateCounters Counters { get; } = new();

        /// <summary>What the other shard had scored when this one let its record go.</summary>
        public int OthersProcessedWhileHeld => _othersAtRelease;

        public bool TryGetHighWater(AgentId agent, out EventTime highWater)
        {
            highWater = default;
            return false;
        }

        public void Process(ToolEvent e, EventTime detectedAt, ScoreResult result)
        {
            result.Session = e.SessionKey;
            if (_othersAtRelease >= 0)
                return;
            var until = DateTime.UtcNow + grace;
            while (others.Processed < releaseAt && DateTime.UtcNow < until)
                Thread.Sleep(10);
            _othersAtRelease = others.Processed;
        }
    }
}
