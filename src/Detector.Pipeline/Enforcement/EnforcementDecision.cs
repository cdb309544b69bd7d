using Detector.Domain.Outputs;

namespace Detector.Pipeline.Enforcement;

/// <summary>
/// What one event's alerts led to: at most one signal for the credential broker, and at most one
/// notice for humans (the critical alert raised when the circuit breaker opens).
/// </summary>
public readonly record struct EnforcementDecision(QuarantineSignal? Signal, Alert? Notice)
{
    public static readonly EnforcementDecision None = default;
}
