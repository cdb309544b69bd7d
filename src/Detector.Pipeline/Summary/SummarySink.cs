using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;

namespace Detector.Pipeline.Summary;

/// <summary>Counts every completion into a <see cref="RunSummary"/>.</summary>
public sealed class SummarySink(RunSummary summary) : IOutcomeSink
{
    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        summary.Records++;
        if (completion.Disposition == Disposition.Applied)
            summary.Applied++;
        else
            summary.CountReject(completion.Reason);
        foreach (var alert in completion.Alerts)
            summary.CountAlert(alert);
        foreach (var signal in completion.Signals)
            summary.CountSignal(signal);
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
