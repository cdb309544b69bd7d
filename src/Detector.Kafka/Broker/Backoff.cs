namespace Detector.Kafka.Broker;

/// <summary>Exponential back-off between webhook attempts: initial, doubled per attempt, capped.</summary>
public sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    public TimeSpan After(int attempt) =>
        TimeSpan.FromTicks((long)Math.Min(initial.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30)), max.Ticks));
}
