using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Detector.Pipeline.Records;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;

namespace Detector.Pipeline;

/// <summary>
/// Runs a <see cref="PipelineGraph"/> as bounded stages: read -> parse and route -> one task per
/// shard -> emit (in input order). Every channel waits when full, and the records between the reader
/// and the emitter are bounded by a window the reader waits on and the emitter releases, so a shard
/// stuck on one record stops the reader instead of letting the others' completions pile up beyond
/// the reorder buffer. The first stage failure cancels the rest and is rethrown.
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
        // The reorder window: records read but not yet emitted. The channels alone do not bound it (a
        // stuck shard holds one record while the others keep emptying theirs into the reorder buffer).
        int window = capacity * (2 + shardInputs.Length) + shardInputs.Length + 4;
        using var inFlight = new SemaphoreSlim(window, window);

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failed.Token;

        var read = Stage(failed, () => ReadAsync(input.Writer, inFlight, token));
        var parse = Stage(failed, () => ParseAndRouteAsync(input.Reader, shardInputs, output.Writer, token));
        var shards = shardInputs.Select((ch, i) => Stage(failed, () => ScoreAsync(graph.Shards[i], ch.Reader, output.Writer, token))).ToArray();
        var producers = Task.WhenAll(shards.Append(parse).Append(read));
        _ = producers.ContinueWith(_ => output.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var emit = Stage(failed, () => EmitAsync(output.Reader, sink, inFlight, window, token));

        Task[] stages = [read, parse, .. shards, emit];
        try
        {
            await Task.WhenAll(stages).ConfigureAwait(false);
        }
        catch (Exception) when (FirstFailure(stages) is { } cause)
        {
            // A failure cancels the other stages; report the cause, not a cancellation it caused.
            ExceptionDispatchInfo.Throw(cause);
        }
        await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first stage failure that is not a cancellation, if any.</summary>
    private static Exception? FirstFailure(Task[] stages)
    {
        foreach (var stage in stages)
        {
            if (stage.Exception?.InnerException is { } e && e is not OperationCanceledException)
                return e;
        }
        return null;
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

    private async Task ReadAsync(ChannelWriter<PipelineItem> input, SemaphoreSlim inFlight, CancellationToken token)
    {
        try
        {
            long sequence = 0;
            while (true)
            {
                await inFlight.WaitAsync(token).ConfigureAwait(false);
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

    private static async Task EmitAsync(ChannelReader<Completion> output, IOutcomeSink sink, SemaphoreSlim inFlight, int window, CancellationToken token)
    {
        var reorder = new ReorderBuffer(window);
        await foreach (var completion in output.ReadAllAsync(token).ConfigureAwait(false))
        {
            reorder.Put(completion);
            while (reorder.TryTakeNext(out var next))
            {
                await sink.WriteAsync(next, token).ConfigureAwait(false);
                inFlight.Release();
            }
        }
    }
}
