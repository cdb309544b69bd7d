using Detector.Observability.Influx;
using Detector.Observability.Prometheus;
using Detector.Pipeline.Metrics;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;
using Detector.Web.Feedback;
using Detector.Web.Models;
using Detector.Web.ReadModel;
using Microsoft.Extensions.Logging;

namespace Detector.Web.Hosting;

/// <summary>
/// The analyst and data-scientist surfaces of one detector, built once: metrics and their Prometheus
/// exporter, the optional InfluxDB writer, the dashboard read model, and feedback (store, suppression
/// filter, release path). The host attaches them to its pipeline with <see cref="Attach"/>.
/// </summary>
public sealed class DetectorSurfaces : IAsyncDisposable
{
    private readonly SurfaceOptions _options;
    private readonly InfluxWriter? _influx;
    private SuppressingSink? _suppressing;

    public DetectorSurfaces(SurfaceOptions options, DetectorMetrics metrics, TimeProvider time, ReleasePublisher? release, ILoggerFactory logs, HttpClient http)
    {
        options.Validate();
        _options = options;
        Metrics = metrics;
        Exporter = new PrometheusExporter(metrics.Meter);
        _influx = options.Influx.Url is null ? null : new InfluxWriter(options.Influx, http, metrics, time, logs.CreateLogger<InfluxWriter>());
        ReadModel = new DashboardReadModel(options.ReadModel, _influx, metrics, time, logs.CreateLogger<DashboardReadModel>());
        Store = new FeedbackStore(options.FeedbackDatabase);
        Filter = new SuppressionFilter();
        Feedback = new FeedbackService(Store, Filter, ReadModel, release, time);
    }

    public DetectorMetrics Metrics { get; }

    public PrometheusExporter Exporter { get; }

    public DashboardReadModel ReadModel { get; }

    public FeedbackStore Store { get; }

    public SuppressionFilter Filter { get; }

    public FeedbackService Feedback { get; }

    public string? Token => _options.Token;

    /// <summary>Model switching and the shadow comparison, when the host runs a worker (set once it does).</summary>
    public IModelControl? Models { get; set; }

    /// <summary>Points written to and dropped by the InfluxDB writer (zero when it is off).</summary>
    public (long Written, long Dropped) Influx => _influx is null ? (0, 0) : (_influx.Written, _influx.Dropped);

    /// <summary>Alerts and signals withheld by suppressions.</summary>
    public (long Alerts, long Signals) Suppressed => _suppressing is null ? (0, 0) : (_suppressing.SuppressedAlerts, _suppressing.SuppressedSignals);

    /// <summary>
    /// Wires the surfaces into a pipeline, once: suppression first (so nothing suppressed is emitted,
    /// counted or shown), then the host's emitting sink, the metrics and the dashboard.
    /// </summary>
    public OutputAttachment Attach(IOutcomeSink emitting)
    {
        if (_suppressing is not null)
            throw new InvalidOperationException("the surfaces are already attached to a pipeline");
        var downstream = new CompositeOutcomeSink([emitting, new MetricsSink(Metrics), ReadModel]);
        _suppressing = new SuppressingSink(downstream, Filter, Metrics);
        return new OutputAttachment(new CompositeTap(_suppressing, ReadModel), _suppressing);
    }

    public async ValueTask DisposeAsync()
    {
        await ReadModel.DisposeAsync().ConfigureAwait(false);
        if (_influx is not null)
            await _influx.DisposeAsync().ConfigureAwait(false);
        Exporter.Dispose();
        Store.Dispose();
    }
}
