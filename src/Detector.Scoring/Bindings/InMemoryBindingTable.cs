using Detector.Domain.Identity;
using Detector.Scoring.State;

namespace Detector.Scoring.Bindings;

/// <summary>The binding table held in process: two capped maps (idle-first eviction) behind one lock.</summary>
public sealed class InMemoryBindingTable(int capacity) : IBindingTable
{
    private readonly Lock _lock = new();
    private readonly BoundedLruMap<string, CredentialBinding> _credentials = new(capacity);
    private readonly BoundedLruMap<SessionKey, SessionBinding> _sessions = new(capacity);

    /// <summary>Raised after a binding changes, outside the lock (the Kafka worker publishes these).</summary>
    public event Action<object>? Changed;

    public CredentialBinding? FindCredential(string credentialId)
    {
        lock (_lock)
            return _credentials.TryPeek(credentialId, out var b) ? b : null;
    }

    public void RecordCredential(CredentialBinding binding)
    {
        lock (_lock)
            _credentials.Set(binding.CredentialId, binding);
        Changed?.Invoke(binding);
    }

    public SessionBinding? FindSession(AgentId agent, SessionId session)
    {
        lock (_lock)
            return _sessions.TryPeek(new SessionKey(agent, session), out var b) ? b : null;
    }

    public void RecordSession(SessionBinding binding)
    {
        lock (_lock)
            _sessions.Set(binding.Session, binding);
        Changed?.Invoke(binding);
    }

    public (long Count, long Evicted) Size
    {
        get
        {
            lock (_lock)
                return (_credentials.Count + _sessions.Count, _credentials.Evictions + _sessions.Evictions);
        }
    }
}
