using Detector.Kafka.Admin;
using Detector.Kafka.Telemetry;
using Detector.Pipeline.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Detector.Hosting.Worker;

/// <summary>`detector run` as a hosted service: creates missing topics, then runs the worker until the host stops (SIGTERM).</summary>
/// <remarks>The detector's instruments are used when the host registers a <see cref="DetectorMetrics"/> (the metrics endpoint does).</remarks>
internal sealed class DetectorWorkerService(WorkerSettings settings, KafkaMetrics metrics, TimeProvider clock, ILoggerFactory loggers, IHostApplicationLifetime lifetime,
    DetectorMetrics? instruments = null)
    : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<DetectorWorkerService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (TopicProvisioners.For(settings.Kafka) is { } provisioner)
                await provisioner.EnsureAsync(WorkerTopics.For(settings.Kafka), stoppingToken).ConfigureAwait(false);
            var worker = WorkerFactory.Create(settings, null, null, null, clock, loggers, metrics, instruments: instruments);
            _logger.LogInformation("worker starting: group {Group}, input {Topic}, {Threads} scoring threads", settings.Kafka.GroupId, settings.Kafka.Topics.Input, settings.Kafka.ScoringThreads);
            await worker.RunAsync(stoppingToken).ConfigureAwait(false);
            _logger.LogInformation("worker stopped: {Consumed} records consumed, {Checkpoints} checkpoints", worker.Consumed, metrics.Checkpoints);
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
