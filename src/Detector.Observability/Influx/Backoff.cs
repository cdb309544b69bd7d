namespace Detector.Observability.Influx;

/// <summary>
/// Exponential back-off with "equal jitter" (half fixed, half random; AWS Architecture Blog,
/// "Exponential Backoff And Jitter", 2015): the delay before try n+1 lies in [d/2, d] with
/// d = min(max, initial * 2^(n-1)), so retries of many writers spread out but never collapse to zero.
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max, Random random)
{
    /// <param name="failedAttempts">Tries made so far (1 after the first failure).</param>
    public TimeSpan Delay(int failedAttempts)
    {
        double exponential = initial.Ticks * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        double capped = Math.Min(exponential, max.Ticks);
        return TimeSpan.FromTicks((long)(capped / 2 + random.NextDouble() * capped / 2));
    }
}
