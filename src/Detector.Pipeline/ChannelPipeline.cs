using System.Threading.Channels;
using Detector.Pipeline.Records;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;

namespace Detector.Pipeline;

/// <summary>
/// Runs a <see cref="PipelineGraph"/> as bounded stages: read -> parse and route -> one task per
/// shard -> emit (in input order). Every channel waits when full, so a slow stage slows the reader
/// instead of buffering without bound. The first stage failure cancels the rest and is rethrown.
/// </summary>
public sealed class ChannelPipeline(PipelineGraph graph)
{
    private readonly PipelineItemPool _pool = new();

    public async Task RunAsync(IOutcomeSink sink, CancellationToken cancellationToken)
    {
        int capacity = graph.Options.ChannelCapacity;
        var input = Channel.CreateBounded<PipelineItem>(Bounded(capacity, singleWriter: true));
        var shardInputs = graph.Shards.Select(_ => Channel.CreateBounded<PipelineItem>(Bounded(capacity, singleWriter: true))).ToArray();
        var output = Channel.CreateBounded<Completion>(Bounded(capacity, singleWriter: false));
        // Records that can be between the reader and the emitter at once, plus one in each stage's hands.
        int maxInFlight = capacity * (2 + shardInputs.Length) + shardInputs.Length + 4;

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failed.Token;

        var read = Stage(failed, () => ReadAsync(input.Writer, token));
        var parse = Stage(failed, () => ParseAndRouteAsync(input.Reader, shardInputs, output.Writer, token));
        var shards = shardInputs.Select((ch, i) => Stage(failed, () => ScoreAsync(graph.Shards[i], ch.Reader, output.Writer, token))).ToArray();
        var emit = Stage(failed, () => EmitAsync(output.Reader, sink, maxInFlight, token));

        var producers = Task.WhenAll(shards.Append(parse).Append(read));
        try
        {
            await producers.ConfigureAwait(false);
        }
        finally
        {
            output.Writer.TryComplete();
        }
        await emit.ConfigureAwait(false);
        await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static BoundedChannelOptions Bounded(int capacity, bool singleWriter) => new(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
        SingleWriter = singleWriter,
    };

    /// <summary>Runs a stage on the thread pool; its failure cancels every other stage.</summary>
    private static Task Stage(CancellationTokenSource failed, Func<Task> body) => Task.Run(async () =>
    {
        try
        {
            await body().ConfigureAwait(false);
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    });

    private async Task ReadAsync(ChannelWriter<PipelineItem> input, CancellationToken token)
    {
        try
        {
            long sequence = 0;
            while (true)
            {
                var item = _pool.Rent();
                if (!await graph.Source.ReadAsync(item, token).ConfigureAwait(false))
                {
                    _pool.Return(item);
                    break;
                }
                item.Sequence = sequence++;
                await input.WriteAsync(item, token).ConfigureAwait(false);
            }
        }
        finally
        {
            input.TryComplete();
        }
    }

    private async Task ParseAndRouteAsync(ChannelReader<PipelineItem> input, Channel<PipelineItem>[] shards, ChannelWriter<Completion> output, CancellationToken token)
    {
        try
        {
            await foreach (var item in input.ReadAllAsync(token).ConfigureAwait(false))
            {
                if (graph.Parse.TryParse(item, out var rejected))
                {
                    await shards[graph.Router.Route(item.Event.Agent)].Writer.WriteAsync(item, token).ConfigureAwait(false);
                    continue;
                }
                _pool.Return(item);
                await output.WriteAsync(rejected, token).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var ch in shards)
                ch.Writer.TryComplete();
        }
    }

    private async Task ScoreAsync(ShardStep shard, ChannelReader<PipelineItem> input, ChannelWriter<Completion> output, CancellationToken token)
    {
        await foreach (var item in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            var completion = shard.Process(item);
            _pool.Return(item);
            await output.WriteAsync(completion, token).ConfigureAwait(false);
        }
    }

    private static async Task EmitAsync(ChannelReader<Completion> output, IOutcomeSink sink, int maxInFlight, CancellationToken token)
    {
        var reorder = new ReorderBuffer(maxInFlight);
        await foreach (var completion in output.ReadAllAsync(token).ConfigureAwait(false))
        {
            reorder.Put(completion);
            while (reorder.TryTakeNext(out var next))
                await sink.WriteAsync(next, token).ConfigureAwait(false);
        }
    }
}
