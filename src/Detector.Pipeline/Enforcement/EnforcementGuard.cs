using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;

namespace Detector.Pipeline.Enforcement;

/// <summary>
/// The process-wide checks between a decided signal and the credential broker: monitor-only scope,
/// then the circuit breaker. One instance shared by every shard's <see cref="QuarantinePolicy"/>;
/// thread-safe. Counters are read by summaries and metrics.
/// </summary>
public sealed class EnforcementGuard(QuarantineOptions options)
{
    private readonly MonitorOnlyScope _monitorOnly = new(options.MonitorOnly);
    private long _withheldMonitorOnly;
    private long _withheldBreakerOpen;

    public CircuitBreaker Breaker { get; } = new(options.CircuitBreaker);

    public long WithheldMonitorOnly => Interlocked.Read(ref _withheldMonitorOnly);

    public long WithheldBreakerOpen => Interlocked.Read(ref _withheldBreakerOpen);

    /// <param name="opened">True when this call opened the circuit breaker (exactly once per opening).</param>
    public GuardVerdict Admit(AgentId agent, QuarantineAction action, EventTime now, out bool opened)
    {
        opened = false;
        if (_monitorOnly.Covers(agent))
        {
            Interlocked.Increment(ref _withheldMonitorOnly);
            return GuardVerdict.MonitorOnly;
        }
        if (!Breaker.TryPass(action, now, out opened))
        {
            Interlocked.Increment(ref _withheldBreakerOpen);
            return GuardVerdict.BreakerOpen;
        }
        return GuardVerdict.Send;
    }
}
