using Detector.Domain.Identity;

namespace Detector.Scoring.Bindings;

/// <summary>
/// Facts keyed by something other than the agent (a credential, a session other agents refer to),
/// which every shard must read in full. In replay an in-memory table; in the Kafka worker each
/// worker's table also follows a compacted topic of every worker's updates (the "global table"
/// pattern of Kafka Streams). Thread-safe: shards share one table.
/// </summary>
public interface IBindingTable
{
    CredentialBinding? FindCredential(string credentialId);

    /// <summary>Binds an unseen credential to its first owner, or refreshes its last use and expiry.</summary>
    void RecordCredential(string credentialId, CredentialBinding binding);

    SessionBinding? FindSession(AgentId agent, SessionId session);

    void RecordSession(SessionBinding binding);

    /// <summary>Entries held and evicted (idle-first) since start.</summary>
    (long Count, long Evicted) Size { get; }
}
