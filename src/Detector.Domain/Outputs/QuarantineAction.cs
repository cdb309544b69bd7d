namespace Detector.Domain.Outputs;

/// <summary>What the credential broker is asked to do, graded. Values are persisted: never renumber.</summary>
public enum QuarantineAction : byte
{
    None = 0,
    /// <summary>Require a fresh human approval before the session's next sensitive step.</summary>
    StepUp = 1,
    /// <summary>Suspend the session; other sessions of the agent continue.</summary>
    SuspendSession = 2,
    /// <summary>Revoke the short-lived credentials seen in the session.</summary>
    RevokeCredentials = 3,
    /// <summary>Revoke everything the agent holds and refuse new sessions until released.</summary>
    QuarantineAgent = 4,
    /// <summary>Lift an earlier action (an analyst marked it a false positive).</summary>
    Release = 5,
}
