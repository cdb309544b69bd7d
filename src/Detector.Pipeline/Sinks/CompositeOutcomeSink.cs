using Detector.Pipeline.Stages;

namespace Detector.Pipeline.Sinks;

/// <summary>Fans each completion out to several sinks in order; the first failure propagates.</summary>
public sealed class CompositeOutcomeSink(IReadOnlyList<IOutcomeSink> sinks) : IOutcomeSink
{
    public async ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        foreach (var sink in sinks)
            await sink.WriteAsync(completion, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var sink in sinks)
            await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
