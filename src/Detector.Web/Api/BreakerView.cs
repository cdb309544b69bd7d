using Detector.Pipeline.Metrics;

namespace Detector.Web.Api;

/// <summary>One circuit breaker's state.</summary>
public sealed record BreakerView(string Name, CircuitState State);
