using Detector.Domain.Identity;
using Detector.Domain.Ingest;
using Detector.Domain.Time;
using Detector.Scoring.Engine;
using Detector.Scoring.State;

namespace Detector.Scoring.Bindings;

/// <summary>
/// The binding table held in process: two capped maps (idle-first eviction) behind one lock. Entries
/// also expire: a binding last written more than the retention ago (event time) is dropped as new
/// ones arrive, oldest first, so memory follows the recent workload rather than the cap. Credentials
/// are keyed by a 64-bit stable hash of their id (as the dedup window keys event ids): a collision
/// over a million credentials has a chance near 3e-8, and it saves holding a day of id strings.
/// A lookup as of an event's time ignores bindings that had expired by then, so what it sees depends
/// neither on how far eviction (lazy, in write order) has got nor on a late copy from the shared topic
/// bringing back one that had been evicted here.
/// </summary>
public sealed class InMemoryBindingTable(int capacity, TimeSpan retention, TimeSpan sessionRetention) : IBindingTable
{
    private readonly Lock _lock = new();
    private readonly BoundedLruMap<ulong, CredentialBinding> _credentials = new(capacity);
    private readonly BoundedLruMap<SessionKey, SessionBinding> _sessions = new(capacity);
    private readonly AdoptionTable _adoptions = new();

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

    public CredentialBinding? FindCredential(string credentialId, EventTime? asOf = null)
    {
        lock (_lock)
            return _credentials.TryPeek(StableHash.Of(credentialId), out var b) && (asOf is not { } t || b.LastUse >= t - retention) ? b : null;
    }

    public void RecordCredential(string credentialId, CredentialBinding binding)
    {
        lock (_lock)
        {
            _credentials.Set(StableHash.Of(credentialId), binding);
            var horizon = binding.LastUse - retention;
            while (_credentials.TryPeekOldest(out _, out var oldest) && oldest.LastUse < horizon)
            {
                _credentials.RemoveOldest();
                Expired++;
            }
        }
    }

    public SessionBinding? FindSession(AgentId agent, SessionId session, EventTime? asOf = null)
    {
        lock (_lock)
            return _sessions.TryPeek(new SessionKey(agent, session), out var b) && (asOf is not { } t || b.LastSeen >= t - sessionRetention) ? b : null;
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
    }

    void IBindingTable.RecordAdoption(ulong group, ulong value, ulong agent, EventTime at) => Adopt(group, value, agent, at);

    /// <summary>Records an adoption; returns the value's earliest adopters as now held (what a shared table publishes).</summary>
    public Adoption Adopt(ulong group, ulong value, ulong agent, EventTime at) => _adoptions.Record(group, value, agent, at);

    public int OtherAdopters(ulong group, ulong value, ulong agent, EventTime asOf) => _adoptions.OtherAdopters(group, value, agent, asOf);

    public (long Count, long Evicted) Size
    {
        get
        {
            lock (_lock)
                return (_credentials.Count + _sessions.Count, _credentials.Evictions + _sessions.Evictions);
        }
    }
}
