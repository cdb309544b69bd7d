using System.Diagnostics;
using System.Security.Cryptography;
using Confluent.Kafka;
using Detector.Hosting.Jobs;
using Detector.Hosting.Surfaces;
using Detector.Kafka;
using Detector.Kafka.Admin;
using Detector.Kafka.Broker;
using Detector.Kafka.Clients;
using Detector.Kafka.Mock;
using Detector.Pipeline.Enforcement.Signing;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Sources;
using Detector.Pipeline.Summary;
using Detector.Scoring.Model;
using Detector.Web.Hosting;
using Microsoft.Extensions.Logging;

namespace Detector.Hosting.Worker;

/// <summary>
/// `detector demo`: a Kafka-protocol cluster in this process (librdkafka's mock brokers on loopback
/// ports), a recorded fleet produced into it as live traffic, the worker and the reference broker
/// consumer running against it over the real protocol, and a revocation endpoint they call; then a
/// summary. Signals are signed with a key made up for the run (HS256, kid "demo").
/// </summary>
public sealed class EmbeddedDemo(WorkerSettings settings, FleetData fleet, ILoggerFactory loggers, TimeProvider clock)
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Sees every completion (the live alert printer).</summary>
    public IOutcomeSink? Live { get; init; }

    /// <summary>Sees every signal the broker consumer decided on (the live revocation printer).</summary>
    public Action<SignalEnvelope?, BrokerVerdict>? BrokerObserved { get; init; }

    /// <summary>Told where the dashboard and /metrics are served, once they are.</summary>
    public Action<IReadOnlyList<string>>? Serving { get; init; }

    /// <summary>
    /// Runs once the fleet is streamed and processed, while the cluster, the worker, the broker consumer
    /// and the surfaces still run (a test's own traffic and checks, against the live demo).
    /// </summary>
    public Func<DemoLive, CancellationToken, Task>? WhileLive { get; init; }

    /// <summary>Reports what the demo is doing before it streams (training, starting).</summary>
    public Action<string>? Progress { get; init; }

    public async Task<DemoSummary> RunAsync(DemoRequest request, CancellationToken cancellationToken)
    {
        request.Validate();
        using var cluster = MockCluster.Start(3);
        Configure(cluster.BootstrapServers);
        var kafka = settings.Kafka;
        await new MockClusterProvisioner(cluster).EnsureAsync(WorkerTopics.For(kafka, TopicProvisioners.BrokerTopics(settings)), cancellationToken).ConfigureAwait(false);

        Progress?.Invoke("training a model on the fleet's history");
        var model = await TrainAsync(cancellationToken).ConfigureAwait(false);
        var templates = fleet.Templates();
        await using var receiver = await RevocationReceiver.StartAsync(cancellationToken).ConfigureAwait(false);
        settings.Broker.Webhook.Url = receiver.Url;

        using var feedback = new DemoDirectory();
        if (settings.Web.FeedbackDatabase == SurfaceOptions.DefaultFeedbackDatabase)
            settings.Web.FeedbackDatabase = feedback.File("feedback.db");
        await using var surfaces = await StartSurfacesAsync(cancellationToken).ConfigureAwait(false);
        if (surfaces.Server is { } server)
            Serving?.Invoke(server.Addresses);
        var metrics = surfaces.Kafka;
        var summary = new RunSummary();
        var processed = new CountingSink();
        var observers = new List<IOutcomeSink> { processed, new SummarySink(summary) };
        if (Live is not null)
            observers.Add(Live);
        var worker = WorkerFactory.Create(settings, model, new CompositeOutcomeSink(observers), clock, loggers, metrics, surfaces);
        var broker = new BrokerConsumer(kafka, settings.Broker, Signers.VerifierFor(settings.Signing), clock, loggers.CreateLogger<BrokerConsumer>())
        {
            Observed = BrokerObserved,
        };

        Progress?.Invoke($"streaming the fleet ({templates.Count:#,0} recorded events, looped) at {request.Rate:#,0} events/s for {request.Duration.TotalSeconds:0} s");
        var elapsed = Stopwatch.StartNew();
        using var stopWorker = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopBroker = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workerRun = worker.RunAsync(stopWorker.Token);
        var brokerRun = broker.RunAsync(stopBroker.Token);
        long produced;
        try
        {
            await worker.Started.WaitAsync(cancellationToken).ConfigureAwait(false);
            using (var producer = new ProducerBuilder<byte[]?, byte[]>(ClientConfigs.Producer(kafka, "agentdrift-demo-fleet")).Build())
            {
                var fleetProducer = new FleetProducer(producer, kafka.Topics.Input, templates, request.Rate, clock);
                await fleetProducer.RunAsync(request.Duration, cancellationToken).ConfigureAwait(false);
                produced = fleetProducer.Produced;
            }
            Progress?.Invoke("draining: waiting for the worker and the broker consumer to catch up");
            await WaitUntilAsync(() => worker.Consumed >= produced, cancellationToken).ConfigureAwait(false);
            await WaitUntilAsync(() => processed.Records >= produced && broker.Received >= processed.Signals, cancellationToken).ConfigureAwait(false);
            if (WhileLive is not null)
                await WhileLive(new DemoLive(kafka, surfaces.Server?.Addresses ?? []), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The worker first (its final checkpoint and commit), then the broker consumer; both are
            // awaited before the cluster goes away, whichever of them failed.
            await stopWorker.CancelAsync().ConfigureAwait(false);
            try
            {
                await workerRun.ConfigureAwait(false);
            }
            finally
            {
                await stopBroker.CancelAsync().ConfigureAwait(false);
                await brokerRun.ConfigureAwait(false);
            }
        }
        summary.Elapsed = elapsed.Elapsed;
        summary.ModelVersion = model.Version;
        var verdicts = Enum.GetValues<BrokerVerdict>().ToDictionary(v => v, broker.Count);
        return new DemoSummary(produced, worker.Consumed, summary, verdicts, receiver.Received.Count, metrics.Lag, metrics.Checkpoints,
            worker.Guard.WithheldMonitorOnly, worker.Guard.WithheldBreakerOpen, elapsed.Elapsed);
    }

    /// <summary>Serves the surfaces on the configured URLs; on the default port when it is taken, on a free one.</summary>
    private async Task<WorkerSurfaces> StartSurfacesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WorkerSurfaces.StartAsync(settings, loggers, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (settings.Urls == WorkerSettings.DefaultUrls)
        {
            settings.Urls = "http://127.0.0.1:0";
            return await WorkerSurfaces.StartAsync(settings, loggers, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Points every client at the embedded cluster and signs with a key made up for this run.</summary>
    private void Configure(string bootstrapServers)
    {
        var kafka = settings.Kafka;
        kafka.BootstrapServers = bootstrapServers;
        kafka.Provisioning = TopicProvisioning.None;
        kafka.Checkpoint.Interval = TimeSpan.FromSeconds(5);
        // The demo plays days of fleet traffic per minute: its breaker counts per minute of wall clock, so it is scaled up to match.
        var breaker = settings.Detector.Quarantine.CircuitBreaker;
        breaker.MaxQuarantinesPerMinute = Math.Max(breaker.MaxQuarantinesPerMinute, 600);
        settings.Signing = new SigningOptions
        {
            Enabled = true,
            ActiveKeyId = "demo",
            Keys = { ["demo"] = new SigningKeyOptions { Algorithm = "HS256", Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) } },
        };
        settings.ValidateForWorker();
        settings.ValidateForBroker();
    }

    private async Task<DetectorModel> TrainAsync(CancellationToken cancellationToken)
    {
        int max = settings.Detector.Pipeline.Ingest.MaxRecordBytes;
        var history = fleet.History.ToArray();
        var job = new TrainJob(() => new JsonLinesSource(new MemoryStream(history, writable: false), "fleet history", max), null, settings.Detector);
        var (model, _) = await job.RunAsync(cancellationToken).ConfigureAwait(false);
        return model;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < DrainTimeout)
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
    }
}
