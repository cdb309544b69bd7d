using System.Threading.Channels;
using Detector.Pipeline.Records;
using Detector.Pipeline.Stages;

namespace Detector.Kafka.Processing;

/// <summary>
/// One scoring thread: parses and scores the records of the partitions it owns, in offset order, and
/// takes their periodic checkpoints. A partition stays with the same lane while assigned, and all of an
/// agent's events share a partition (key = agent id), so each agent is processed in order by one thread.
/// </summary>
internal sealed class ScoringLane(ParseStep parse, PipelineItemPool pool, ChannelWriter<Completion> output, int capacity)
{
    private readonly Dictionary<int, PartitionRuntime> _owned = [];

    public Channel<LaneMessage> Queue { get; } = Channel.CreateBounded<LaneMessage>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
        SingleWriter = true,
    });

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var message in Queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (message.Command)
            {
                case LaneCommand.Record:
                    await ScoreAsync(message.Item!, cancellationToken).ConfigureAwait(false);
                    break;
                case LaneCommand.Assign:
                    _owned[message.Partition] = message.Runtime!;
                    break;
                case LaneCommand.Release:
                case LaneCommand.Drop:
                    _owned.Remove(message.Partition, out var runtime);
                    message.Done?.TrySetResult(runtime);
                    break;
                case LaneCommand.Model:
                    message.Change!.Apply(_owned.Values);
                    break;
                case LaneCommand.Tick:
                    foreach (var owned in _owned.Values)
                        owned.CheckpointIfDue();
                    break;
            }
        }
    }

    private async ValueTask ScoreAsync(PipelineItem item, CancellationToken cancellationToken)
    {
        if (!_owned.TryGetValue(item.Position.Partition, out var runtime))
        {
            // Queued before its partition was lost: its successor reads it again from the checkpoint.
            pool.Return(item);
            return;
        }
        Completion completion;
        if (parse.TryParse(item, out var rejected))
        {
            completion = runtime.Step.Process(item);
            if (runtime.Shadow is { } shadow)
                shadow.Comparison!.Record(completion, shadow.Step.Process(item));
        }
        else
        {
            completion = rejected;
        }
        runtime.NextOffset = item.Position.Offset + 1;
        pool.Return(item);
        await output.WriteAsync(completion with { Delivery = runtime.Progress }, cancellationToken).ConfigureAwait(false);
        runtime.CheckpointIfDue();
    }
}
