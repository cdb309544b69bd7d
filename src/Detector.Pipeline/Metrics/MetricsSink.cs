using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;

namespace Detector.Pipeline.Metrics;

/// <summary>Counts every completion into <see cref="DetectorMetrics"/>: records, rejects by reason, alerts, signals.</summary>
public sealed class MetricsSink(DetectorMetrics metrics) : IOutcomeSink
{
    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        metrics.CountCompletion(completion.Reason);
        foreach (var alert in completion.Alerts)
            metrics.CountAlert(alert);
        foreach (var signal in completion.Signals)
            metrics.CountSignal(signal);
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
