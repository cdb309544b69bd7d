using System.Collections.Concurrent;
using Detector.Domain.Events;
using Detector.Domain.Outputs;
using Detector.Pipeline.Metrics;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;
using Detector.Scoring.Engine;

namespace Detector.Web.Feedback;

/// <summary>
/// Withholds suppressed alerts, and the signals that only suppressed alerts caused, before the sinks
/// after it emit anything; counts both. A completion carries no destination, so as a scored-event tap
/// it notes the destination of each event that raised an alert (rare, and only while a rule exists),
/// taken back when that completion arrives in order. Without rules completions pass through untouched.
/// </summary>
public sealed class SuppressingSink(IOutcomeSink inner, SuppressionFilter filter, DetectorMetrics? metrics = null) : IOutcomeSink, IScoredEventTap
{
    private readonly ConcurrentDictionary<string, string> _destinations = new(StringComparer.Ordinal);
    private long _alerts;
    private long _signals;

    /// <summary>Alerts withheld so far.</summary>
    public long SuppressedAlerts => Interlocked.Read(ref _alerts);

    /// <summary>Signals withheld so far.</summary>
    public long SuppressedSignals => Interlocked.Read(ref _signals);

    public void Observe(ToolEvent e, ScoreResult result)
    {
        if (result.Alerts.Count == 0 || e.Destination is null || filter.IsEmpty)
            return;
        foreach (var alert in result.Alerts)
            _destinations[alert.AlertId] = e.Destination;
    }

    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        if (completion.Alerts.Count == 0 || (filter.IsEmpty && _destinations.IsEmpty))
            return inner.WriteAsync(completion, cancellationToken);

        HashSet<string>? withheld = null;
        foreach (var alert in completion.Alerts)
        {
            _destinations.TryRemove(alert.AlertId, out var destination);
            if (filter.Match(alert, destination) is null)
                continue;
            (withheld ??= new HashSet<string>(StringComparer.Ordinal)).Add(alert.AlertId);
            Interlocked.Increment(ref _alerts);
            metrics?.CountSuppressed(alert);
        }
        if (withheld is null)
            return inner.WriteAsync(completion, cancellationToken);

        var signals = new List<QuarantineSignal>(completion.Signals.Count);
        foreach (var signal in completion.Signals)
        {
            if (signal.Data.AlertIds.All(withheld.Contains))
            {
                Interlocked.Increment(ref _signals);
                metrics?.CountSuppressed(signal);
            }
            else
            {
                signals.Add(signal);
            }
        }
        var alerts = completion.Alerts.Where(a => !withheld.Contains(a.AlertId)).ToArray();
        return inner.WriteAsync(completion with { Alerts = alerts, Signals = signals }, cancellationToken);
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => inner.CompleteAsync(cancellationToken);
}
