using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;

namespace Detector.Pipeline.Tests.Support;

/// <summary>Keeps every completion in the order the pipeline emitted it.</summary>
internal sealed class CollectingSink : IOutcomeSink
{
    public List<Completion> Completions { get; } = [];

    public bool Completed { get; private set; }

    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        Completions.Add(completion);
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Completed = true;
        return ValueTask.CompletedTask;
    }
}
