using Detector.Domain.Time;
using Detector.Kafka.Outputs;

namespace Detector.Hosting.Worker;

/// <summary>
/// Latency from an input record's production (its Kafka timestamp, set by the producer, millisecond
/// resolution) to the acknowledgement of an output it caused, per output topic, while recording.
/// </summary>
public sealed class LatencyProbe(TimeProvider clock) : IOutputDeliveryObserver
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<double>> _samples = new(StringComparer.Ordinal);

    public bool Recording { get; set; }

    public void Delivered(string topic, EventTime? inputArrival)
    {
        if (!Recording || inputArrival is not { } arrival)
            return;
        double ms = (EventTime.FromDateTimeOffset(clock.GetUtcNow()) - arrival).TotalMilliseconds;
        lock (_lock)
        {
            if (!_samples.TryGetValue(topic, out var list))
                _samples[topic] = list = [];
            list.Add(ms);
        }
    }

    /// <summary>The p-th percentile (nearest rank) of a topic's samples in ms, and their count.</summary>
    public (double Milliseconds, int Samples) Percentile(string topic, double p)
    {
        lock (_lock)
        {
            if (!_samples.TryGetValue(topic, out var list) || list.Count == 0)
                return (double.NaN, 0);
            var sorted = list.Order().ToArray();
            int rank = Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
            return (sorted[rank], sorted.Length);
        }
    }
}
