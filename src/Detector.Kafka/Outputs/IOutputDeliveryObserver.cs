using Detector.Domain.Time;

namespace Detector.Kafka.Outputs;

/// <summary>Sees each output acknowledged by the broker, with when its input was produced and consumed (the benchmark's latency probe).</summary>
public interface IOutputDeliveryObserver
{
    /// <summary>Called on the producer's delivery thread; must be quick.</summary>
    void Delivered(string topic, EventTime? inputProduced, EventTime? inputConsumed);
}
