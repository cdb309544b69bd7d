using System.Threading.Channels;
using Confluent.Kafka;
using Detector.Kafka.Admin;
using Detector.Kafka.Bindings;
using Detector.Kafka.Clients;
using Detector.Kafka.Models;
using Detector.Kafka.Outputs;
using Detector.Kafka.State;
using Detector.Kafka.Telemetry;
using Detector.Domain.Time;
using Detector.Pipeline.Enforcement;
using Detector.Pipeline.Metrics;
using Detector.Pipeline.Records;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;
using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Microsoft.Extensions.Logging;

namespace Detector.Kafka.Processing;

/// <summary>
/// The Kafka worker: consumes the input topic as a consumer group and runs it through bounded stages
/// (consumer thread -> one queue per scoring thread -> one emit stage -> producers), at least once end
/// to end. Per-partition state is created on assignment (restored from the changelog), checkpointed
/// periodically and on revoke, and dropped on revoke or loss. See the partial files for the consumer
/// loop (back-pressure, ticks, commits) and the rebalance handlers.
/// </summary>
public sealed partial class KafkaWorker
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(50);

    private readonly WorkerSetup _setup;
    private readonly KafkaOptions _kafka;
    private readonly IOutcomeSink? _observer;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggers;
    private readonly PipelineItemPool _pool = new();
    private readonly CancellationTokenSource _failed = new();
    private readonly Dictionary<int, PartitionRuntime> _assigned = [];
    private readonly Dictionary<int, PartitionRuntime> _parked = [];
    private volatile PartitionRuntime[] _live = [];
    private ScoringLane[] _lanes = [];
    private PartitionRuntimeFactory? _factory;
    private ChangelogRestorer? _restorer;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _fault;
    private long _consumed;

    public KafkaWorker(WorkerSetup setup, IOutcomeSink? observer, TimeProvider clock, ILoggerFactory loggers, KafkaMetrics metrics)
    {
        _setup = setup;
        _kafka = setup.Kafka;
        _observer = observer;
        _clock = clock;
        _loggers = loggers;
        _logger = loggers.CreateLogger<KafkaWorker>();
        Metrics = metrics;
        Guard = new EnforcementGuard(setup.Quarantine);
    }

    public KafkaMetrics Metrics { get; }

    /// <summary>Optional probe told of every acknowledged output (the Kafka benchmark's latency measurement).</summary>
    public IOutputDeliveryObserver? Deliveries { get; init; }

    /// <summary>The detector's instruments, when exported: the worker registers consumer lag, queue depths and its circuit breaker.</summary>
    public DetectorMetrics? Instruments { get; init; }

    /// <summary>
    /// Puts the host's surfaces around the worker's Kafka output sink (suppression before anything is
    /// produced, then metrics and the dashboard) and adds their tap to the scoring threads.
    /// </summary>
    public Func<IOutcomeSink, OutputAttachment>? Outputs { get; init; }

    /// <summary>Monitor-only and circuit-breaker state and counts.</summary>
    public EnforcementGuard Guard { get; }

    /// <summary>Input records handed to the scoring threads.</summary>
    public long Consumed => Interlocked.Read(ref _consumed);

    /// <summary>Completes when the worker has joined its group and restored its first assignment (or stopped).</summary>
    public Task Started => _started.Task;

    /// <summary>
    /// Runs until <paramref name="stopping"/> is cancelled, then stops consuming, drains what is in
    /// flight, writes final checkpoints, commits and returns. Throws when a stage or a delivery failed
    /// (nothing after the last checkpoint was committed; a restart resumes from there).
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        int changelogPartitions = TopicPartitions.Count(_kafka, _kafka.Topics.State);
        using var producer = new ProducerBuilder<byte[]?, byte[]>(ClientConfigs.Producer(_kafka, "agentdrift-worker"))
            .SetLogHandler((_, m) => KafkaLog.Write(_logger, m))
            .SetErrorHandler((_, e) => OnClientError("producer", e))
            .Build();
        using var bindings = new KafkaBindingTable(new InMemoryBindingTable(_setup.Engine.MaxBindings), producer, _kafka, _loggers.CreateLogger<KafkaBindingTable>());
        await bindings.StartAsync(_failed.Token).ConfigureAwait(false);
        FailWhenFaulted(bindings.Stopped, _kafka.Topics.Bindings);
        _bindingTable = bindings;
        _producer = producer;
        using var directives = new ModelDirectiveTopic(_kafka, _loggers.CreateLogger<ModelDirectiveTopic>());
        var (activeDirective, shadowDirective) = await directives.StartAsync(OnDirective, _failed.Token).ConfigureAwait(false);
        FailWhenFaulted(directives.Stopped, _kafka.Topics.Models);
        var model = (activeDirective is null ? null : TryLoad(activeDirective)) ?? _setup.Model;
        var engine = new DetectionEngine(_setup.Engine, model, bindings);
        Instruments?.SetModelVersion("active", model.Version);
        var origin = new KafkaOrigin(_kafka.Topics.Input);
        IOutcomeSink emitting = new KafkaOutputSink(producer, _kafka, _setup.Signer, Deliveries);
        if (_observer is not null)
            emitting = new CompositeOutcomeSink([emitting, _observer]);
        var attached = Outputs?.Invoke(emitting);
        var sinks = attached?.Sink ?? emitting;
        _factory = new PartitionRuntimeFactory(engine, _setup.Pipeline, _setup.Quarantine, Guard, origin, _kafka, changelogPartitions,
            producer, Metrics, _clock, attached?.Tap, Instruments, Fail, _logger);
        _restorer = new ChangelogRestorer(_kafka, changelogPartitions);

        var output = Channel.CreateBounded<Completion>(new BoundedChannelOptions(_kafka.ChannelCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _lanes = new ScoringLane[_kafka.ScoringThreads];
        for (int i = 0; i < _lanes.Length; i++)
            _lanes[i] = new ScoringLane(new ParseStep(_setup.Pipeline.Ingest, _setup.Catalog, origin), _pool, output.Writer, _kafka.ChannelCapacity);

        _accepting = true;
        if (shadowDirective is not null && TryLoad(shadowDirective) is { } candidate)
        {
            _shadowDirective = shadowDirective;
            _ = StartShadowAsync(candidate);
        }
        using var gauges = RegisterGauges();
        var token = _failed.Token;
        var lanes = _lanes.Select(l => Stage("scoring", () => l.RunAsync(token))).ToArray();
        var emit = Stage("emit", () => EmitAsync(output.Reader, sinks, token));
        try
        {
            await ConsumeOnOwnThread(stopping).ConfigureAwait(false);
        }
        finally
        {
            foreach (var lane in _lanes)
                lane.Queue.Writer.TryComplete();
            await Task.WhenAll(lanes).ConfigureAwait(false);
            output.Writer.TryComplete();
            await emit.ConfigureAwait(false);
            using var flush = new CancellationTokenSource(_kafka.Checkpoint.DrainTimeout);
            await sinks.CompleteAsync(flush.Token).ConfigureAwait(false);
            _restorer.Dispose();
            _accepting = false;
            AbandonModelChanges();
            _started.TrySetResult();
        }
        if (Volatile.Read(ref _fault) is { } fault)
            throw new InvalidOperationException("the worker stopped: " + fault);
    }

    private CompositeDisposable RegisterGauges()
    {
        var registrations = new CompositeDisposable();
        if (Instruments is not { } m)
            return registrations;
        string topic = _kafka.Topics.Input;
        registrations.Add(m.ObserveConsumerLag(() => Metrics.LagByPartition.Select(l => new PartitionLag(topic, l.Key, l.Value))));
        for (int i = 0; i < _lanes.Length; i++)
        {
            var reader = _lanes[i].Queue.Reader;
            registrations.Add(m.ObserveQueueDepth($"scoring-{i}", () => reader.Count));
        }
        registrations.Add(m.ObserveAgentsTracked(() => _live.Sum(r => r.Agents)));
        registrations.Add(m.ObserveStateBytes(() => _live.Sum(r => r.StateBytes)));
        registrations.Add(m.ObserveCircuitBreaker("quarantine", () =>
            Guard.Breaker.IsOpen(EventTime.FromDateTimeOffset(_clock.GetUtcNow())) ? CircuitState.Open : CircuitState.Closed));
        return registrations;
    }

    private Task ConsumeOnOwnThread(CancellationToken stopping)
    {
        // librdkafka's Consume blocks, and rebalance handlers run inside it: give it a thread of its own.
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                ConsumeLoop(stopping);
                done.SetResult();
            }
            catch (Exception e)
            {
                Fail("consumer: " + e.Message);
                _logger.LogCritical(e, "the consumer loop failed");
                done.SetResult();
            }
        })
        {
            IsBackground = true,
            Name = "agentdrift-consumer",
        };
        thread.Start();
        return done.Task;
    }

    private static async Task EmitAsync(ChannelReader<Completion> completions, IOutcomeSink sink, CancellationToken cancellationToken)
    {
        await foreach (var completion in completions.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await sink.WriteAsync(completion, cancellationToken).ConfigureAwait(false);
            completion.Delivery?.Emitted(completion.Position.Offset);
        }
    }

    /// <summary>Runs a stage; its failure stops the worker. Cancellation after a failure elsewhere is not a second failure.</summary>
    private Task Stage(string name, Func<Task> body) => Task.Run(async () =>
    {
        try
        {
            await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_failed.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogCritical(e, "stage {Stage} failed", name);
            Fail($"{name}: {e.Message}");
        }
    });

    /// <summary>Stops the worker without a final checkpoint; called from any thread, the first reason wins.</summary>
    private void Fail(string reason)
    {
        if (Interlocked.CompareExchange(ref _fault, reason, null) is null)
        {
            _logger.LogCritical("stopping: {Reason}", reason);
            _failed.Cancel();
        }
    }

    /// <summary>A shared topic stopped being followed: stop, rather than score against a table gone stale.</summary>
    private void FailWhenFaulted(Task following, string topic) =>
        following.ContinueWith(t => Fail($"following {topic}: {t.Exception!.GetBaseException().Message}"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private void OnClientError(string client, Error error)
    {
        KafkaLog.Write(_logger, client, error);
        if (error.IsFatal)
            Fail($"{client}: fatal Kafka error {error.Code}: {error.Reason}");
    }
}
