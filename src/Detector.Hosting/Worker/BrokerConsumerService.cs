using Detector.Kafka.Broker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Detector.Hosting.Worker;

/// <summary>`detector broker` as a hosted service: the reference credential-broker consumer.</summary>
internal sealed class BrokerConsumerService(WorkerSettings settings, TimeProvider clock, ILoggerFactory loggers, IHostApplicationLifetime lifetime) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<BrokerConsumer>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (TopicProvisioners.For(settings.Kafka) is { } provisioner)
                await provisioner.EnsureAsync(TopicProvisioners.BrokerTopics(settings), stoppingToken).ConfigureAwait(false);
            var consumer = new BrokerConsumer(settings.Kafka, settings.Broker, Signers.VerifierFor(settings.Signing), clock, _logger);
            _logger.LogInformation("broker consumer starting: group {Group}, webhook {Url}", settings.Broker.GroupId, settings.Broker.Webhook.Url);
            await consumer.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogCritical(e, "the broker consumer failed");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
