using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;

namespace Detector.Hosting.Worker;

/// <summary>Counts completions (records fully processed), alerts and signals; readable from any thread while the emit thread writes.</summary>
public sealed class CountingSink : IOutcomeSink
{
    private long _records;
    private long _alerts;
    private long _signals;

    public long Records => Interlocked.Read(ref _records);

    public long Alerts => Interlocked.Read(ref _alerts);

    public long Signals => Interlocked.Read(ref _signals);

    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _records);
        if (completion.Alerts.Count > 0)
            Interlocked.Add(ref _alerts, completion.Alerts.Count);
        if (completion.Signals.Count > 0)
            Interlocked.Add(ref _signals, completion.Signals.Count);
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
