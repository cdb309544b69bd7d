using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Detector.Hosting.Worker;

/// <summary>
/// The Generic Host for the long-running verbs: configuration from the same sources as replay
/// (appsettings.json beside the binary, --config, DETECTOR__ environment variables, --set), JSON
/// console logs (Logging section), SIGTERM and Ctrl+C stop the host, which stops consuming, drains,
/// checkpoints and commits within the shutdown timeout.
/// </summary>
public static class ServiceHost
{
    public static IHost Worker(IConfigurationRoot configuration)
    {
        var settings = WorkerSettings.Bind(configuration).ValidateForWorker();
        var builder = Create(configuration, settings);
        builder.Services.AddHostedService<DetectorWorkerService>();
        return builder.Build();
    }

    public static IHost Broker(IConfigurationRoot configuration)
    {
        var settings = WorkerSettings.Bind(configuration).ValidateForBroker();
        var builder = Create(configuration, settings);
        builder.Services.AddHostedService<BrokerConsumerService>();
        return builder.Build();
    }

    private static HostApplicationBuilder Create(IConfigurationRoot configuration, WorkerSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddJsonConsole(o =>
        {
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.Kafka.Checkpoint.DrainTimeout + TimeSpan.FromSeconds(15));
        return builder;
    }
}
