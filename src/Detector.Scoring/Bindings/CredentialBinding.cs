using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Scoring.Bindings;

/// <summary>
/// Who a credential was first seen with, when it expires, and when it was last used. A day of
/// bindings is held, so they are compact: a value in the table's slot, the credential's id only as
/// the table's key and the owning session only as a stable hash of its id (the agent's id is shared
/// with its profile). Owner tests compare hashes; explanations name the owning agent.
/// </summary>
public readonly record struct CredentialBinding(AgentId OwnerAgent, ulong OwnerSession, EventTime FirstUse, EventTime LastUse, EventTime? ExpiresAt)
{
    /// <summary>The stable hash a session's id is bound by.</summary>
    public static ulong SessionHash(SessionId session) => Domain.Ingest.StableHash.Of(session.Value);

    /// <summary>Whether the use is by the owning agent in the owning session.</summary>
    public bool IsOwnedBy(AgentId agent, ulong sessionHash) => OwnerAgent == agent && OwnerSession == sessionHash;
}
