using Detector.Domain.Time;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Sessions;

/// <summary>
/// Credentials issued so far, so a misuse can borrow a real one: another agent's recent credential,
/// or one of the agent's own from a session that ended hours ago.
/// </summary>
internal sealed class CredentialLedger
{
    private static readonly TimeSpan ForeignWindow = TimeSpan.FromHours(8);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(2);
    private const int KeptPerAgent = 40;
    private const int TrimEvery = 8192;

    private readonly List<IssuedCredential> _recent = [];
    private readonly Dictionary<int, Queue<IssuedCredential>> _byAgent = [];
    private EventTime _latest;

    public IssuedCredential Issue(string id, int agentIndex, string sessionId, EventTime at, EventTime expiresAt)
    {
        var credential = new IssuedCredential(id, agentIndex, sessionId, at, expiresAt);
        _recent.Add(credential);
        if (!_byAgent.TryGetValue(agentIndex, out var own))
            _byAgent[agentIndex] = own = new Queue<IssuedCredential>();
        own.Enqueue(credential);
        if (own.Count > KeptPerAgent)
            own.Dequeue();
        _latest = EventTime.Max(_latest, at);
        if (_recent.Count % TrimEvery == 0)
            _recent.RemoveAll(c => c.IssuedAt < _latest - ForeignWindow);
        return credential;
    }

    /// <summary>A credential issued to another agent in the last hours before <paramref name="at"/>, preferring unexpired ones.</summary>
    public IssuedCredential? PickForeign(int agentIndex, EventTime at, Rng rng)
    {
        var candidates = _recent.Where(c => c.AgentIndex != agentIndex && c.IssuedAt <= at && c.IssuedAt >= at - ForeignWindow).ToList();
        var valid = candidates.Where(c => c.ExpiresAt > at).ToList();
        var pool = valid.Count > 0 ? valid : candidates;
        return pool.Count == 0 ? null : rng.Pick(pool);
    }

    /// <summary>One of the agent's own credentials whose session ended at least two hours before <paramref name="at"/>.</summary>
    public IssuedCredential? PickStale(int agentIndex, EventTime at, Rng rng)
    {
        if (!_byAgent.TryGetValue(agentIndex, out var own))
            return null;
        var pool = own.Where(c => c.SessionEnd is { } end && end <= at - StaleAfter).ToList();
        return pool.Count == 0 ? null : rng.Pick(pool);
    }
}
