using Detector.Hosting.Surfaces;
using Detector.Kafka.Admin;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Detector.Hosting.Worker;

/// <summary>
/// `detector run` as a hosted service: creates missing topics, serves the analyst surfaces (dashboard,
/// /api, /metrics) when Urls is set, then runs the worker until the host stops (SIGTERM).
/// </summary>
internal sealed class DetectorWorkerService(WorkerSettings settings, TimeProvider clock, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<DetectorWorkerService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (TopicProvisioners.For(settings.Kafka) is { } provisioner)
                await provisioner.EnsureAsync(WorkerTopics.For(settings.Kafka), stoppingToken).ConfigureAwait(false);
            var model = WorkerFactory.LoadModel(settings);
            await using var surfaces = await WorkerSurfaces.StartAsync(settings, loggers, clock, stoppingToken).ConfigureAwait(false);
            if (surfaces.Server is { } server)
                _logger.LogInformation("dashboard, /api and /metrics at {Addresses}", string.Join(" ", server.Addresses));
            var worker = WorkerFactory.Create(settings, model, null, clock, loggers, surfaces.Kafka, surfaces);
            _logger.LogInformation("worker starting: group {Group}, input {Topic}, {Threads} scoring threads, configured model {Model} (the models topic may name another)",
                settings.Kafka.GroupId, settings.Kafka.Topics.Input, settings.Kafka.ScoringThreads, model.Version);
            await worker.RunAsync(stoppingToken).ConfigureAwait(false);
            _logger.LogInformation("worker stopped: {Consumed} records consumed, {Checkpoints} checkpoints", worker.Consumed, surfaces.Kafka.Checkpoints);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogCritical(e, "the worker failed");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
