using Detector.Hosting.Worker;
using Detector.Kafka.Processing;
using Detector.Kafka.Telemetry;
using Detector.Pipeline.Metrics;
using Detector.Pipeline.Sinks;
using Microsoft.Extensions.Logging;

namespace Detector.Hosting.Surfaces;

/// <summary>
/// What a worker host (`run`, `demo`) gives analysts: the detector's instruments (the Kafka figures on
/// the same meter, so /metrics has them all), the release path for false-positive marks, and the web
/// server when <see cref="WorkerSettings.Urls"/> is set. The worker is attached with <see cref="Outputs"/>.
/// </summary>
public sealed class WorkerSurfaces : IAsyncDisposable
{
    private readonly KafkaReleasePublisher? _release;

    private WorkerSurfaces(DetectorMetrics metrics, KafkaMetrics kafka, KafkaReleasePublisher? release, SurfaceServer? server)
    {
        Metrics = metrics;
        Kafka = kafka;
        _release = release;
        Server = server;
    }

    public DetectorMetrics Metrics { get; }

    public KafkaMetrics Kafka { get; }

    /// <summary>What the worker records into: the instruments, only when /metrics exports them (timing every event is not free).</summary>
    public DetectorMetrics? Instruments => Server is null ? null : Metrics;

    /// <summary>The dashboard, /api and /metrics; null when the surfaces are off.</summary>
    public SurfaceServer? Server { get; }

    /// <summary>For <see cref="Detector.Kafka.Processing.KafkaWorker.Outputs"/>: suppression, metrics and the dashboard around its outputs.</summary>
    public Func<IOutcomeSink, OutputAttachment>? Outputs => Server is null ? null : Server.Surfaces.Attach;

    /// <summary>Lets the dashboard and /api/models switch the worker's models.</summary>
    public void Control(KafkaWorker worker)
    {
        if (Server is not null)
            Server.Surfaces.Models = new WorkerModelControl(worker);
    }

    /// <summary>
    /// Starts the web server when <see cref="WorkerSettings.Urls"/> is set, with the release path it
    /// needs; the active model's version is set by the worker once it knows it (the models topic may
    /// name another than the configured one).
    /// </summary>
    public static async Task<WorkerSurfaces> StartAsync(WorkerSettings settings, ILoggerFactory loggers, TimeProvider clock, CancellationToken cancellationToken)
    {
        var metrics = new DetectorMetrics();
        if (string.IsNullOrWhiteSpace(settings.Urls))
            return new WorkerSurfaces(metrics, new KafkaMetrics(metrics.Meter), null, null);
        var release = new KafkaReleasePublisher(settings.Kafka, settings.Detector.Quarantine, Signers.SignerFor(settings.Signing), clock);
        try
        {
            var server = await SurfaceServer.StartAsync(settings.Urls, settings.Web, metrics, release.PublishAsync, loggers, clock, cancellationToken).ConfigureAwait(false);
            return new WorkerSurfaces(metrics, new KafkaMetrics(metrics.Meter), release, server);
        }
        catch
        {
            release.Dispose();
            metrics.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
            await Server.DisposeAsync().ConfigureAwait(false);
        _release?.Dispose();
        Kafka.Dispose();
        Metrics.Dispose();
    }
}
