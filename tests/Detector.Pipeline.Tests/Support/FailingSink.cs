using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;

namespace Detector.Pipeline.Tests.Support;

/// <summary>A destination that accepts some completions, then fails for good (a full disk, a refused produce).</summary>
internal sealed class FailingSink(int failAt) : IOutcomeSink
{
    public int Written { get; private set; }

    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        if (Written == failAt)
            throw new IOException($"destination refused completion {completion.Sequence}");
        Written++;
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
