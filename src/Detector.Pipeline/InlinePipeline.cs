using Detector.Pipeline.Records;
using Detector.Pipeline.Sinks;

namespace Detector.Pipeline;

/// <summary>
/// Runs the same <see cref="PipelineGraph"/> on the calling thread, one record at a time: what
/// `detector bench` measures (parse + route + score + emit on one pipeline thread).
/// </summary>
public sealed class InlinePipeline(PipelineGraph graph)
{
    public async Task RunAsync(IOutcomeSink sink, CancellationToken cancellationToken)
    {
        var item = new PipelineItem();
        long sequence = 0;
        while (await graph.Source.ReadAsync(item, cancellationToken).ConfigureAwait(false))
        {
            item.Sequence = sequence++;
            var completion = graph.Parse.TryParse(item, out var rejected)
                ? graph.Shards[graph.Router.Route(item.Event.Agent)].Process(item)
                : rejected;
            await sink.WriteAsync(completion, cancellationToken).ConfigureAwait(false);
        }
        await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
