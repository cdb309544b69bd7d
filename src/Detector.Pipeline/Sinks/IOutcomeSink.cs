using Detector.Pipeline.Stages;

namespace Detector.Pipeline.Sinks;

/// <summary>
/// Receives every completion in input order. A sink whose destination must not lose data (signals,
/// dead letters) lets failures propagate, which stops the pipeline before the input is acknowledged.
/// </summary>
public interface IOutcomeSink
{
    ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken);

    /// <summary>Called once after the last completion; makes everything written durable.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
