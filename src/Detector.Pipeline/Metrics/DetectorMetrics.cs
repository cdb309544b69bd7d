using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Detector.Domain.Ingest;
using Detector.Domain.Outputs;
using Detector.Scoring.Engine;

namespace Detector.Pipeline.Metrics;

/// <summary>
/// The detector's instruments, on one <see cref="System.Diagnostics.Metrics.Meter"/> named "AgentDrift".
/// Counters are bumped per completion by <see cref="MetricsSink"/> and per scored event by
/// <see cref="TimedScoringShard"/>; gauges are read through callbacks that the running components
/// register, only when a listener collects. Tag values are interned strings and the one-to-three-tag
/// overloads are used, so recording allocates nothing; an instrument nobody listens to is skipped.
/// Instrument names use dots and UCUM units (OpenTelemetry style); exporters map them to their own
/// naming (agentdrift.alerts -> agentdrift_alerts_total).
/// </summary>
public sealed partial class DetectorMetrics : IDisposable
{
    public const string MeterName = "AgentDrift";

    /// <summary>
    /// Scoring one event takes microseconds when the agent's state is warm and up to milliseconds when
    /// a baseline is thawed from the model, so the buckets span 1 µs to 100 ms in 1-2.5-5 steps.
    /// </summary>
    public static readonly IReadOnlyList<double> ScoringLatencyBuckets =
        [1e-6, 2.5e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 2.5e-3, 5e-3, 1e-2, 2.5e-2, 5e-2, 1e-1];

    private readonly ConcurrentDictionary<string, string> _models = new(StringComparer.Ordinal);

    public DetectorMetrics()
    {
        Meter = new Meter(MeterName, typeof(DetectorMetrics).Assembly.GetName().Version?.ToString());
        EventsConsumed = Meter.CreateCounter<long>("agentdrift.events.consumed", "{event}", "Input records taken from the source (applied, rejected or duplicate).");
        EventsRejected = Meter.CreateCounter<long>("agentdrift.events.rejected", "{event}", "Input records not applied, by reason (duplicates included; every other reason is dead-lettered).");
        Alerts = Meter.CreateCounter<long>("agentdrift.alerts", "{alert}", "Alerts emitted, by kind and severity.");
        AlertsSuppressed = Meter.CreateCounter<long>("agentdrift.alerts.suppressed", "{alert}", "Alerts withheld by an analyst's suppression, by kind.");
        Signals = Meter.CreateCounter<long>("agentdrift.signals", "{signal}", "Quarantine signals emitted, by action.");
        SignalsSuppressed = Meter.CreateCounter<long>("agentdrift.signals.suppressed", "{signal}", "Quarantine signals withheld because every alert behind them was suppressed, by action.");
        ReadModelDropped = Meter.CreateCounter<long>("agentdrift.read_model.dropped", "{event}", "Scored events the dashboard read model skipped because its queue was full.");
        PointsWritten = Meter.CreateCounter<long>("agentdrift.influx.points.written", "{point}", "Time-series points accepted by InfluxDB.");
        PointsDropped = Meter.CreateCounter<long>("agentdrift.influx.points.dropped", "{point}", "Time-series points given up, by reason (buffer_full, rejected, retries_exhausted).");
        ScoringLatency = Meter.CreateHistogram<double>("agentdrift.scoring.latency", "s", "Time to score one event on its shard.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ScoringLatencyBuckets });
        CreateGauges();
        Meter.CreateObservableGauge("agentdrift.model.info", ReadModels, "{model}", "Model versions in use (value 1), by role (active, shadow) and version.");
    }

    public Meter Meter { get; }

    internal Counter<long> EventsConsumed { get; }

    internal Counter<long> EventsRejected { get; }

    internal Counter<long> Alerts { get; }

    internal Counter<long> Signals { get; }

    internal Histogram<double> ScoringLatency { get; }

    private Counter<long> AlertsSuppressed { get; }

    private Counter<long> SignalsSuppressed { get; }

    private Counter<long> ReadModelDropped { get; }

    private Counter<long> PointsWritten { get; }

    private Counter<long> PointsDropped { get; }

    internal void CountCompletion(RejectReason reason)
    {
        EventsConsumed.Add(1);
        if (reason != RejectReason.None)
            EventsRejected.Add(1, new KeyValuePair<string, object?>("reason", reason.Code()));
    }

    internal void CountAlert(Alert alert) =>
        Alerts.Add(1, new KeyValuePair<string, object?>("kind", alert.Kind), new KeyValuePair<string, object?>("severity", alert.Severity.WireName()));

    internal void CountSignal(QuarantineSignal signal) =>
        Signals.Add(1, new KeyValuePair<string, object?>("action", signal.Data.Action.WireName()));

    public void CountSuppressed(Alert alert) => AlertsSuppressed.Add(1, new KeyValuePair<string, object?>("kind", alert.Kind));

    public void CountSuppressed(QuarantineSignal signal) => SignalsSuppressed.Add(1, new KeyValuePair<string, object?>("action", signal.Data.Action.WireName()));

    public void CountReadModelDropped() => ReadModelDropped.Add(1);

    public void CountPointsWritten(int points) => PointsWritten.Add(points);

    /// <param name="reason">buffer_full, rejected or retries_exhausted.</param>
    public void CountPointsDropped(string reason, int points) => PointsDropped.Add(points, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Names the model serving a role ("active", "shadow"); null when the role is vacant.</summary>
    public void SetModelVersion(string role, string? version)
    {
        if (version is null)
            _models.TryRemove(role, out _);
        else
            _models[role] = version;
    }

    public string? ModelVersion(string role) => _models.GetValueOrDefault(role);

    /// <summary>Wraps a scoring shard so each event's scoring time lands in the latency histogram.</summary>
    public IScoringShard Timed(IScoringShard shard) => new TimedScoringShard(shard, this);

    public void Dispose() => Meter.Dispose();

    private IEnumerable<Measurement<long>> ReadModels() =>
        _models.Select(m => new Measurement<long>(1, new KeyValuePair<string, object?>("role", m.Key), new KeyValuePair<string, object?>("version", m.Value)));
}
