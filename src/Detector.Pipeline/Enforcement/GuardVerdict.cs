namespace Detector.Pipeline.Enforcement;

/// <summary>What the enforcement guard made of a signal the policy decided on.</summary>
public enum GuardVerdict : byte
{
    /// <summary>Send it to the credential broker.</summary>
    Send = 0,
    /// <summary>Withheld: the agent is in monitor-only mode.</summary>
    MonitorOnly = 1,
    /// <summary>Withheld: the circuit breaker is open.</summary>
    BreakerOpen = 2,
}
