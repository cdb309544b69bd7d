namespace Detector.Scoring.Engine;

/// <summary>
/// Sizes of bounded state and how often each cap evicted (idle-first). Shards report their own
/// agents and sessions; the shared binding table and the quarantine cooldowns are added once by the
/// run that owns them.
/// </summary>
public sealed class StateCounters
{
    public long Agents { get; set; }
    public long Sessions { get; set; }
    public long Credentials { get; set; }
    public long AgentsEvicted { get; set; }
    public long SessionsEvicted { get; set; }
    public long CredentialsEvicted { get; set; }

    /// <summary>Sessions closed because they went idle past the session timeout (not an eviction: the normal end).</summary>
    public long SessionsRetired { get; set; }

    /// <summary>Agents whose quarantine cooldown was forgotten because the cooldown table was full.</summary>
    public long CooldownsEvicted { get; set; }

    public void Add(StateCounters other)
    {
        Agents += other.Agents;
        Sessions += other.Sessions;
        Credentials += other.Credentials;
        AgentsEvicted += other.AgentsEvicted;
        SessionsEvicted += other.SessionsEvicted;
        CredentialsEvicted += other.CredentialsEvicted;
        SessionsRetired += other.SessionsRetired;
        CooldownsEvicted += other.CooldownsEvicted;
    }
}
