using Detector.Domain.Wire;
using Detector.Pipeline.Stages;

namespace Detector.Pipeline.Sinks;

/// <summary>
/// Writes alerts, quarantine signals and dead letters as JSONL, each to its own writer; a writer
/// left null means that output is not written (the summary still counts it).
/// </summary>
public sealed class JsonLinesOutputSink(JsonLinesWriter? alerts, JsonLinesWriter? signals, JsonLinesWriter? deadLetters)
    : IOutcomeSink, IAsyncDisposable
{
    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        if (deadLetters is not null && completion.DeadLetter is { } dl)
            deadLetters.WriteLine(ContractJson.WriteDeadLetter, dl);
        if (alerts is not null)
        {
            foreach (var alert in completion.Alerts)
                alerts.WriteLine(ContractJson.WriteAlert, alert);
        }
        if (signals is not null)
        {
            foreach (var signal in completion.Signals)
                signals.WriteLine(static (w, s) => ContractJson.WriteSignal(w, s), signal);
        }
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var writer in Writers())
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in Writers())
            await writer.DisposeAsync().ConfigureAwait(false);
    }

    private IEnumerable<JsonLinesWriter> Writers()
    {
        if (alerts is not null)
            yield return alerts;
        if (signals is not null)
            yield return signals;
        if (deadLetters is not null)
            yield return deadLetters;
    }
}
