namespace Detector.Simulation.Sessions;

/// <summary>What a step does with the session's credential; anything but <see cref="None"/> is misuse.</summary>
internal enum CredentialDirective : byte
{
    None = 0,
    /// <summary>Goes on with the session's credential well after it expired (this step waits past expiry).</summary>
    LetExpire = 1,
    /// <summary>Switches to a credential issued to another agent's session.</summary>
    Foreign = 2,
    /// <summary>Starts the session with one of the agent's own credentials from a session that ended hours ago.</summary>
    Replay = 3,
}
