using Detector.Hosting.Configuration;
using Detector.Kafka;
using Detector.Kafka.Broker;
using Detector.Pipeline.Enforcement.Signing;
using Detector.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Detector.Hosting.Worker;

/// <summary>
/// Settings of `run`, `broker` and `demo`: the detector's own (root sections Pipeline, Engine,
/// Quarantine, ToolCatalog) plus the sections Kafka, Broker and Signing and the Model directory, bound
/// from the same configuration sources as replay, and validated once before anything starts.
/// </summary>
public sealed class WorkerSettings
{
    /// <summary>The worker compares event time with the wall clock: 5 minutes ahead is "future" unless configured.</summary>
    public static readonly TimeSpan DefaultFutureSkew = TimeSpan.FromMinutes(5);

    public DetectorSettings Detector { get; set; } = new();

    public KafkaOptions Kafka { get; set; } = new();

    public BrokerOptions Broker { get; set; } = new();

    public SigningOptions Signing { get; set; } = new();

    /// <summary>A model directory from `detector train`; none: baselines start empty and learn online.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// Where the dashboard, /api and /metrics are served (Kestrel URLs, ';'-separated; port 0 picks a
    /// free one). Loopback by default; empty turns the surfaces off.
    /// </summary>
    public string Urls { get; set; } = DefaultUrls;

    public const string DefaultUrls = "http://127.0.0.1:9400";

    /// <summary>The analyst surfaces: feedback database, bearer token, read model, InfluxDB.</summary>
    public SurfaceOptions Web { get; set; } = new();

    public static WorkerSettings Bind(IConfiguration configuration)
    {
        var settings = new WorkerSettings { Detector = SettingsLoader.Bind(configuration), Model = configuration["Model"], Urls = configuration["Urls"] ?? DefaultUrls };
        configuration.GetSection("Web").Bind(settings.Web);
        configuration.GetSection("Kafka").Bind(settings.Kafka);
        configuration.GetSection("Broker").Bind(settings.Broker);
        configuration.GetSection("Signing").Bind(settings.Signing);
        settings.Detector.Pipeline.MaxFutureSkew ??= DefaultFutureSkew;
        return settings;
    }

    public WorkerSettings ValidateForWorker()
    {
        Detector.Validate();
        Kafka.Validate();
        Signing.Validate(forSigning: true);
        if (Model is not null && !Directory.Exists(Model))
            throw new DirectoryNotFoundException($"model directory '{Model}' does not exist");
        Web.Validate();
        return this;
    }

    public WorkerSettings ValidateForBroker()
    {
        Kafka.Validate();
        Broker.Validate();
        Signing.Validate(forSigning: false);
        return this;
    }
}
