namespace Detector.Scoring.Profiles;

/// <summary>Rare behaviours whose benign frequency a peer group tracks (persisted order: never renumber).</summary>
public enum GroupRate : byte
{
    /// <summary>A credential used after its credential_expires_at.</summary>
    ExpiredCredential = 0,
    /// <summary>A credential first seen with another agent or session.</summary>
    ForeignCredential = 1,
    /// <summary>A credential used again after its last use went quiet past the session timeout.</summary>
    StaleCredential = 2,
    /// <summary>A delegated session's step taken in a tenant the parent's agent does not use.</summary>
    DelegatedForeignTenant = 3,
}
