namespace Detector.Scoring.Rules;

/// <summary>What the engine knows about the credential a step used. Values are persisted: never renumber.</summary>
public enum CredentialStatus : byte
{
    /// <summary>The step carried no credential id.</summary>
    None = 0,
    Valid = 1,
    /// <summary>Used after its <c>credential_expires_at</c>.</summary>
    Expired = 2,
    /// <summary>Already bound to another agent or session.</summary>
    Foreign = 3,
    /// <summary>Its session went quiet for longer than the session idle timeout.</summary>
    Stale = 4,
}
