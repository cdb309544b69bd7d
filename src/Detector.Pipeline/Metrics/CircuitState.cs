namespace Detector.Pipeline.Metrics;

/// <summary>A circuit breaker's state as the gauge reports it. Values are exported: never renumber.</summary>
public enum CircuitState
{
    /// <summary>Calls flow.</summary>
    Closed = 0,
    /// <summary>A trial call is allowed after the break.</summary>
    HalfOpen = 1,
    /// <summary>Calls are refused until the break ends.</summary>
    Open = 2,
}
