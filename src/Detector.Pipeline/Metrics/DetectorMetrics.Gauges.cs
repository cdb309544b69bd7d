using System.Diagnostics.Metrics;
using System.Globalization;

namespace Detector.Pipeline.Metrics;

/// <summary>The observable gauges: created once, read from whatever the running components register.</summary>
public sealed partial class DetectorMetrics
{
    private readonly GaugeSources _lag = new();
    private readonly GaugeSources _queueDepth = new();
    private readonly GaugeSources _agents = new();
    private readonly GaugeSources _stateBytes = new();
    private readonly GaugeSources _breakers = new();
    private readonly Lock _breakerGate = new();
    private (string Name, Func<CircuitState> Read)[] _breakerReaders = [];

    /// <summary>How far the consumer is behind the end of each assigned partition.</summary>
    public IDisposable ObserveConsumerLag(Func<IEnumerable<PartitionLag>> read) =>
        _lag.Add(() => read().Select(l => new Measurement<long>(l.Records,
            new KeyValuePair<string, object?>("topic", l.Topic),
            new KeyValuePair<string, object?>("partition", l.Partition.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>Items waiting in one bounded stage channel (e.g. "parse", "shard-0", "emit").</summary>
    public IDisposable ObserveQueueDepth(string stage, Func<long> read) =>
        _queueDepth.Add(() => [new Measurement<long>(read(), new KeyValuePair<string, object?>("stage", stage))]);

    /// <summary>Agents whose baselines are held in memory; several registrations (one per shard) are summed by the reader.</summary>
    public IDisposable ObserveAgentsTracked(Func<long> read) => _agents.Add(() => [new Measurement<long>(read())]);

    /// <summary>Bytes of scoring state (profiles, sessions, bindings), as the engine estimates them.</summary>
    public IDisposable ObserveStateBytes(Func<long> read) => _stateBytes.Add(() => [new Measurement<long>(read())]);

    /// <summary>A circuit breaker guarding an output; also listed on the dashboard.</summary>
    public IDisposable ObserveCircuitBreaker(string name, Func<CircuitState> read)
    {
        var reader = (name, read);
        lock (_breakerGate)
            _breakerReaders = [.. _breakerReaders, reader];
        var gauge = _breakers.Add(() => [new Measurement<long>((long)read(), new KeyValuePair<string, object?>("breaker", name))]);
        return new Unregister(() =>
        {
            gauge.Dispose();
            lock (_breakerGate)
                _breakerReaders = Array.FindAll(_breakerReaders, r => r != reader);
        });
    }

    /// <summary>Every registered breaker's state now, by name.</summary>
    public IReadOnlyList<(string Name, CircuitState State)> CircuitBreakers() =>
        Array.ConvertAll(Volatile.Read(ref _breakerReaders), r => (r.Name, r.Read()));

    private void CreateGauges()
    {
        Meter.CreateObservableGauge("agentdrift.consumer.lag", _lag.Read, "{record}", "Records between the committed position and the end of each assigned partition.");
        Meter.CreateObservableGauge("agentdrift.pipeline.queue_depth", _queueDepth.Read, "{record}", "Records waiting in each bounded pipeline stage.");
        Meter.CreateObservableGauge("agentdrift.agents.tracked", () => Sum(_agents), "{agent}", "Agents with state in memory.");
        Meter.CreateObservableGauge("agentdrift.state", () => Sum(_stateBytes), "By", "Estimated bytes of scoring state in memory.");
        Meter.CreateObservableGauge("agentdrift.circuit_breaker.state", _breakers.Read, "{state}", "Circuit breaker state: 0 closed, 1 half-open, 2 open.");
    }

    /// <summary>Shards register separately; the gauge reports their total as one series.</summary>
    private static Measurement<long> Sum(GaugeSources sources)
    {
        long total = 0;
        foreach (var m in sources.Read())
            total = checked(total + m.Value);
        return new Measurement<long>(total);
    }

    private sealed class Unregister(Action action) : IDisposable
    {
        private Action? _action = action;

        public void Dispose() => Interlocked.Exchange(ref _action, null)?.Invoke();
    }
}
