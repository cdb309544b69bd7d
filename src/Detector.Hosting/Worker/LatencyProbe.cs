using Detector.Domain.Time;
using Detector.Kafka.Outputs;

namespace Detector.Hosting.Worker;

/// <summary>
/// Latency to the acknowledgement of each output, per output topic, while recording: from the input
/// record's production (its Kafka timestamp, set by the producer, millisecond resolution) and from the
/// moment the worker took it from its consumer (the worker's own share: scoring, queues, the output
/// producer and the broker's acknowledgement; the difference is the trip through the broker to the consumer).
/// </summary>
public sealed class LatencyProbe(TimeProvider clock) : IOutputDeliveryObserver
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Topic, LatencyFrom From), List<double>> _samples = [];

    public bool Recording { get; set; }

    public void Delivered(string topic, EventTime? inputProduced, EventTime? inputConsumed)
    {
        if (!Recording || inputProduced is not { } produced || inputConsumed is not { } consumed)
            return;
        var now = EventTime.FromDateTimeOffset(clock.GetUtcNow());
        lock (_lock)
        {
            Add((topic, LatencyFrom.Production), (now - produced).TotalMilliseconds);
            Add((topic, LatencyFrom.Consumption), (now - consumed).TotalMilliseconds);
        }
    }

    /// <summary>The p-th percentile (nearest rank) of a topic's samples in ms, and their count.</summary>
    public (double Milliseconds, int Samples) Percentile(string topic, LatencyFrom from, double p)
    {
        lock (_lock)
        {
            if (!_samples.TryGetValue((topic, from), out var list) || list.Count == 0)
                return (double.NaN, 0);
            var sorted = list.Order().ToArray();
            int rank = Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
            return (sorted[rank], sorted.Length);
        }
    }

    private void Add((string, LatencyFrom) key, double ms)
    {
        if (!_samples.TryGetValue(key, out var list))
            _samples[key] = list = [];
        list.Add(ms);
    }
}

/// <summary>Where a latency sample starts.</summary>
public enum LatencyFrom
{
    /// <summary>The input record's production (end to end).</summary>
    Production,

    /// <summary>The worker taking the input record from its consumer (the worker's share).</summary>
    Consumption,
}
