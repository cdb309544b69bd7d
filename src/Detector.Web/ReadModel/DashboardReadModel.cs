using System.Threading.Channels;
using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Observability.Influx;
using Detector.Pipeline.Metrics;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;
using Detector.Scoring.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detector.Web.ReadModel;

/// <summary>
/// The dashboard's view of the stream. Pass it to the pipeline twice: as the scored-event tap (every
/// applied event, on its shard's thread) and as an outcome sink (alerts and signals, in input order).
/// Both only hand an <see cref="Observation"/> to one bounded queue; a single projector task owns every
/// aggregate and publishes an immutable <see cref="ReadModelSnapshot"/> at most once per
/// PublishInterval, which readers take with one volatile read. When the queue is full the tap skips the
/// event and counts it (the dashboard may lag, scoring never waits); alerts and signals wait for room,
/// since they are few and the feed must not lose them.
/// </summary>
public sealed class DashboardReadModel : IScoredEventTap, IOutcomeSink, IAsyncDisposable
{
    private readonly Channel<Observation> _queue;
    private readonly Projector _projector;
    private readonly DetectorMetrics? _metrics;
    private readonly ILogger _log;
    private readonly ITimer _ticker;
    private readonly Task _loop;
    private ReadModelSnapshot _snapshot = ReadModelSnapshot.Empty;
    private long _dropped;

    public DashboardReadModel(ReadModelOptions options, IPointWriter? points = null, DetectorMetrics? metrics = null, TimeProvider? time = null, ILogger<DashboardReadModel>? log = null)
    {
        options.Validate();
        _metrics = metrics;
        _log = (ILogger?)log ?? NullLogger.Instance;
        _projector = new Projector(options, points);
        _queue = Channel.CreateBounded<Observation>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _loop = Task.Run(RunAsync);
        _ticker = (time ?? TimeProvider.System).CreateTimer(
            static state => ((DashboardReadModel)state!)._queue.Writer.TryWrite(Observation.Of(ObservationKind.Tick, null)),
            this, options.PublishInterval, options.PublishInterval);
    }

    /// <summary>The latest published view.</summary>
    public ReadModelSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Scored events skipped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Observe(ToolEvent e, ScoreResult result)
    {
        var o = new Observation(ObservationKind.Event, e.Agent, e.Session, e.Tool, e.Destination, e.Action, e.Outcome, e.BytesOut ?? 0, e.Time, result.SessionRisk, null);
        if (_queue.Writer.TryWrite(o))
            return;
        Interlocked.Increment(ref _dropped);
        _metrics?.CountReadModelDropped();
    }

    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken) =>
        completion.Alerts.Count == 0 && completion.Signals.Count == 0 ? ValueTask.CompletedTask : PostOutcomesAsync(completion, cancellationToken);

    /// <summary>At the end of the input: closes every open window and publishes.</summary>
    public ValueTask CompleteAsync(CancellationToken cancellationToken) => new(RequestAsync(ObservationKind.Flush, new Flush(true), cancellationToken));

    /// <summary>Publishes everything observed before this call; completes once the snapshot is visible.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => RequestAsync(ObservationKind.Flush, new Flush(false), cancellationToken);

    /// <summary>One agent's baseline, built by the projector for this reader; null for an agent not held.</summary>
    public async Task<AgentDetail?> GetAgentAsync(AgentId agent, CancellationToken cancellationToken)
    {
        var query = new AgentQuery(agent);
        await RequestAsync(ObservationKind.Query, query, cancellationToken).ConfigureAwait(false);
        return query.Result;
    }

    public async ValueTask DisposeAsync()
    {
        await _ticker.DisposeAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async ValueTask PostOutcomesAsync(Completion completion, CancellationToken cancellationToken)
    {
        foreach (var alert in completion.Alerts)
            await _queue.Writer.WriteAsync(Observation.Of(ObservationKind.Alert, alert), cancellationToken).ConfigureAwait(false);
        foreach (var signal in completion.Signals)
            await _queue.Writer.WriteAsync(Observation.Of(ObservationKind.Signal, signal), cancellationToken).ConfigureAwait(false);
    }

    private async Task RequestAsync(ObservationKind kind, Request request, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(Observation.Of(kind, request), cancellationToken).ConfigureAwait(false);
        await request.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await foreach (var o in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Apply(o);
            }
            catch (Exception e)
            {
                // A read-model bug must not stop detection: log it, fail only the reader that asked.
                _log.LogError(e, "dashboard read model failed to apply a {Kind} observation", o.Kind);
                (o.Payload as Request)?.Done.TrySetException(e);
            }
        }
    }

    private void Apply(in Observation o)
    {
        switch (o.Kind)
        {
            case ObservationKind.Event:
                _projector.ApplyEvent(o);
                break;
            case ObservationKind.Alert:
                _projector.ApplyAlert((Detector.Domain.Outputs.Alert)o.Payload!);
                break;
            case ObservationKind.Signal:
                _projector.ApplySignal((Detector.Domain.Outputs.QuarantineSignal)o.Payload!);
                break;
            case ObservationKind.Tick:
                _projector.CloseWindows(all: false);
                if (_projector.HasChanges)
                    Publish();
                break;
            case ObservationKind.Flush:
                var flush = (Flush)o.Payload!;
                _projector.CloseWindows(flush.CloseAll);
                Publish();
                flush.Done.TrySetResult();
                break;
            case ObservationKind.Query:
                var query = (AgentQuery)o.Payload!;
                query.Result = _projector.Detail(query.Agent);
                query.Done.TrySetResult();
                break;
        }
    }

    private void Publish() => Volatile.Write(ref _snapshot, _projector.Publish(Dropped));

    private abstract class Request
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Flush(bool closeAll) : Request
    {
        public bool CloseAll => closeAll;
    }

    private sealed class AgentQuery(AgentId agent) : Request
    {
        public AgentId Agent => agent;

        public AgentDetail? Result { get; set; }
    }
}
