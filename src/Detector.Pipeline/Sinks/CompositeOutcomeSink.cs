using Detector.Pipeline.Stages;

namespace Detector.Pipeline.Sinks;

/// <summary>Fans each completion out to several sinks in order; the first failure propagates.</summary>
public sealed class CompositeOutcomeSink(IReadOnlyList<IOutcomeSink> sinks) : IOutcomeSink
{
    // An array and an index loop: a foreach over the interface would box an enumerator per event.
    private readonly IOutcomeSink[] _sinks = [.. sinks];

    public async ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        for (int i = 0; i < _sinks.Length; i++)
            await _sinks[i].WriteAsync(completion, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var sink in _sinks)
            await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
