using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Scoring.Bindings;

/// <summary>
/// Facts keyed by something other than the agent (a credential, a session other agents refer to),
/// which every shard must read in full. In replay an in-memory table; in the Kafka worker each
/// worker's table also follows a compacted topic of every worker's updates (the "global table"
/// pattern of Kafka Streams). Thread-safe: shards share one table.
/// </summary>
public interface IBindingTable
{
    /// <param name="asOf">
    /// The time of the event asking: a binding that had outlived the retention by then is not returned,
    /// whether or not eviction (lazy, in write order) has reached it, so a lookup does not depend on how
    /// far the table has advanced meanwhile (a replay after a crash asks again). Null returns what is held.
    /// </param>
    CredentialBinding? FindCredential(string credentialId, EventTime? asOf = null);

    /// <summary>Binds an unseen credential to its first owner, or refreshes its last use and expiry.</summary>
    void RecordCredential(string credentialId, CredentialBinding binding);

    /// <param name="asOf">As for <see cref="FindCredential"/>.</param>
    SessionBinding? FindSession(AgentId agent, SessionId session, EventTime? asOf = null);

    void RecordSession(SessionBinding binding);

    /// <summary>Records that a member of a group took up a value new to the group (see <see cref="AdoptionTable"/>).</summary>
    void RecordAdoption(ulong group, ulong value, ulong agent, EventTime at);

    /// <summary>Members other than <paramref name="agent"/> that took the value up by <paramref name="asOf"/>, while its adoption is recent.</summary>
    int OtherAdopters(ulong group, ulong value, ulong agent, EventTime asOf);

    /// <summary>Entries held and evicted (idle-first) since start.</summary>
    (long Count, long Evicted) Size { get; }
}
