using Detector.Domain.Identity;
using Detector.Scoring.Engine;
using Detector.Scoring.State;

namespace Detector.Scoring.Bindings;

/// <summary>
/// The binding table held in process: two capped maps (idle-first eviction) behind one lock. Entries
/// also expire: a binding last written more than the retention ago (event time) is dropped as new
/// ones arrive, oldest first, so memory follows the recent workload rather than the cap.
/// </summary>
public sealed class InMemoryBindingTable(int capacity, TimeSpan retention, TimeSpan sessionRetention) : IBindingTable
{
    private readonly Lock _lock = new();
    private readonly BoundedLruMap<string, CredentialBinding> _credentials = new(capacity);
    private readonly BoundedLruMap<SessionKey, SessionBinding> _sessions = new(capacity);

    /// <summary>
    /// Credentials are kept <see cref="EngineOptions.BindingRetention"/> past their last use (a replay is
    /// recognised that long); sessions twice the idle timeout past their start (a child starts while its parent runs).
    /// </summary>
    public InMemoryBindingTable(EngineOptions options)
        : this(options.MaxBindings, options.BindingRetention, 2 * options.SessionIdleTimeout)
    {
    }

    /// <summary>A table with the default retentions.</summary>
    public InMemoryBindingTable(int capacity)
        : this(capacity, new EngineOptions().BindingRetention, 2 * new EngineOptions().SessionIdleTimeout)
    {
    }

    /// <summary>Bindings dropped because they outlived the retention.</summary>
    public long Expired { get; private set; }

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
        {
            _credentials.Set(binding.CredentialId, binding);
            var horizon = binding.LastUse - retention;
            while (_credentials.TryPeekOldest(out _, out var oldest) && oldest.LastUse < horizon)
            {
                _credentials.RemoveOldest();
                Expired++;
            }
        }
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
        {
            _sessions.Set(binding.Session, binding);
            var horizon = binding.LastSeen - sessionRetention;
            while (_sessions.TryPeekOldest(out _, out var oldest) && oldest.LastSeen < horizon)
            {
                _sessions.RemoveOldest();
                Expired++;
            }
        }
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
