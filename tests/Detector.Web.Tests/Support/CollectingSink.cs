using Detector.Domain.Outputs;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;

namespace Detector.Web.Tests.Support;

/// <summary>Keeps every alert and signal a pipeline emitted, as the host's emitting sink would send them.</summary>
internal sealed class CollectingSink : IOutcomeSink
{
    public List<Alert> Alerts { get; } = [];

    public List<QuarantineSignal> Signals { get; } = [];

    public long Completions { get; private set; }

    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        Completions++;
        Alerts.AddRange(completion.Alerts);
        Signals.AddRange(completion.Signals);
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
