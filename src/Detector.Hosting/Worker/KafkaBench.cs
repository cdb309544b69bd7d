using System.Diagnostics;
using Confluent.Kafka;
using Detector.Hosting.Jobs;
using Detector.Kafka;
using Detector.Kafka.Admin;
using Detector.Kafka.Clients;
using Detector.Kafka.Mock;
using Detector.Kafka.Telemetry;
using Detector.Pipeline.Sources;
using Microsoft.Extensions.Logging;

namespace Detector.Hosting.Worker;

/// <summary>
/// `detector bench kafka`: the worker with every detector, fed through the in-process mock cluster
/// by a producer in the same process (producer, broker and worker share the machine's cores). The
/// recorded fleet is replayed in its own event time, pass after pass (it must lie far enough in the
/// past: the caller records it months back), so sessions open and close and the state the worker
/// checkpoints is a real fleet's rather than every session of the recording held open at once.
/// How it measures:
/// - throughput: records fully processed (emitted) per second over the window after warm-up, with the
///   producer offering <c>rate</c> events/s, or with rate 0 as many as the worker keeps up with
///   (production stays at most 200,000 records ahead of processing);
/// - latency: for each alert and each quarantine signal acknowledged by the broker during the window,
///   acknowledgement time minus the triggering input record's Kafka timestamp (set by the producer when
///   it produced the record; millisecond resolution), and for alerts also minus the moment the worker took
///   the record from its consumer (the worker's own share). Signal cooldown and the circuit breaker are off,
///   so every signal decision is measured;
/// - garbage collections in the window (every generation; the process holds the producer and the
///   cluster's managed side too) and the time they paused the process.
/// At a fixed rate producers linger 1 ms and the consumer's fetch waits at most 2 ms; at rate 0 the
/// clients keep the worker's defaults (overridable with --set Kafka:Properties:...).
/// </summary>
public sealed class KafkaBench(WorkerSettings settings, FleetData fleet, ILoggerFactory loggers, TimeProvider clock)
{
    private const int Partitions = 8;

    public async Task<KafkaBenchResult> RunAsync(double rate, TimeSpan duration, TimeSpan warmup, CancellationToken cancellationToken)
    {
        using var cluster = MockCluster.Start(1);
        var kafka = settings.Kafka;
        kafka.BootstrapServers = cluster.BootstrapServers;
        kafka.Provisioning = TopicProvisioning.None;
        kafka.Partitions = Partitions;
        if (rate > 0)
        {
            // Measuring latency: the mock broker answers a fetch that finds nothing only after
            // fetch.wait.max.ms (a real broker answers as soon as data arrives), and linger.ms holds
            // produced records back, so both are cut. Throughput is measured with the worker's defaults.
            kafka.Properties.TryAdd("fetch.wait.max.ms", "2");
            kafka.Properties.TryAdd("linger.ms", "1");
        }
        settings.Detector.Quarantine.Cooldown = TimeSpan.Zero;
        settings.Detector.Quarantine.CircuitBreaker.MaxQuarantinesPerMinute = 0;
        settings.ValidateForWorker();
        await new MockClusterProvisioner(cluster).EnsureAsync(WorkerTopics.For(kafka), cancellationToken).ConfigureAwait(false);

        int max = settings.Detector.Pipeline.Ingest.MaxRecordBytes;
        var history = fleet.History.ToArray();
        var (model, _) = await new TrainJob(() => new JsonLinesSource(new MemoryStream(history, writable: false), "fleet history", max), null, settings.Detector)
            .RunAsync(cancellationToken).ConfigureAwait(false);

        using var metrics = new KafkaMetrics();
        var processed = new CountingSink();
        var probe = new LatencyProbe(clock);
        var worker = WorkerFactory.Create(settings, model, processed, clock, loggers, metrics, deliveries: probe);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = worker.RunAsync(stop.Token);
        try
        {
            await worker.Started.WaitAsync(cancellationToken).ConfigureAwait(false);
            var producerConfig = ClientConfigs.Producer(kafka, "agentdrift-bench-fleet");
            // The load generator shares the worker's process and heap: it asks for no per-record delivery reports.
            producerConfig.EnableDeliveryReports = false;
            using var producer = new ProducerBuilder<byte[]?, byte[]>(producerConfig).Build();
            var fleetProducer = new FleetProducer(producer, kafka.Topics.Input, fleet.Templates(), rate, clock)
            {
                Processed = () => processed.Records,
                RecordedTime = true,
            };
            var producing = fleetProducer.RunAsync(warmup + duration, cancellationToken);

            await Task.Delay(warmup, cancellationToken).ConfigureAwait(false);
            probe.Recording = true;
            long startEvents = processed.Records, startAlerts = processed.Alerts, startSignals = processed.Signals;
            int startCollections = GC.CollectionCount(0);
            var startPaused = GC.GetTotalPauseDuration();
            var window = Stopwatch.StartNew();
            await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
            long events = processed.Records - startEvents;
            var elapsed = window.Elapsed;
            probe.Recording = false;
            int collections = GC.CollectionCount(0) - startCollections;
            var paused = GC.GetTotalPauseDuration() - startPaused;
            long alerts = processed.Alerts - startAlerts, signals = processed.Signals - startSignals;
            await producing.ConfigureAwait(false);
            return new KafkaBenchResult(rate, events / elapsed.TotalSeconds, events, alerts, signals,
                probe.Percentile(kafka.Topics.Alerts, LatencyFrom.Production, 50), probe.Percentile(kafka.Topics.Alerts, LatencyFrom.Production, 99),
                probe.Percentile(kafka.Topics.Quarantine, LatencyFrom.Production, 50), probe.Percentile(kafka.Topics.Quarantine, LatencyFrom.Production, 99),
                probe.Percentile(kafka.Topics.Alerts, LatencyFrom.Consumption, 50), probe.Percentile(kafka.Topics.Alerts, LatencyFrom.Consumption, 99),
                metrics.Lag, metrics.Pauses, elapsed, collections, paused);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await run.ConfigureAwait(false);
        }
    }
}
