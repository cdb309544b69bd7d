using Confluent.Kafka;
using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Kafka.Outputs;
using Detector.Scoring.Bindings;
using Detector.Scoring.State;
using Microsoft.Extensions.Logging;

namespace Detector.Kafka.Bindings;

/// <summary>
/// The binding table shared by every worker: reads are local (an <see cref="InMemoryBindingTable"/>);
/// local changes are published to a compacted topic that every worker follows in full and merges in.
/// Publication is throttled: a new binding, a new owner, expiry or intent goes out at once, a mere
/// last-use refresh only once per <see cref="KafkaOptions.BindingRefresh"/>. Publication is best effort
/// (a lost refresh makes another worker's view of a credential slightly older), so its failures are
/// logged, not fatal. Merges keep the earliest owner and the latest use, so the order in which workers'
/// updates arrive does not matter.
/// </summary>
public sealed class KafkaBindingTable : IBindingTable, IDisposable
{
    private readonly InMemoryBindingTable _inner;
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly KafkaOptions _options;
    private readonly ILogger _logger;
    private readonly CompactedTopicFollower _follower;
    private readonly Lock _lock = new();
    private readonly BoundedLruMap<string, EventTime> _published;

    public KafkaBindingTable(InMemoryBindingTable inner, IProducer<byte[]?, byte[]> producer, KafkaOptions options, ILogger logger)
    {
        _inner = inner;
        _producer = producer;
        _options = options;
        _logger = logger;
        _published = new BoundedLruMap<string, EventTime>(100_000);
        _follower = new CompactedTopicFollower(options, options.Topics.Bindings, "agentdrift-bindings", Apply, logger);
    }

    /// <summary>Bindings received from the topic (including this worker's own, echoed back).</summary>
    public long Received => _follower.Applied;

    /// <summary>Loads the table from the topic; returns once every binding published before start is applied.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => _follower.StartAsync(cancellationToken);

    /// <summary>Faults if following the topic failed after start (the table no longer follows other workers).</summary>
    public Task Stopped => _follower.Stopped;

    public CredentialBinding? FindCredential(string credentialId, EventTime? asOf = null) => _inner.FindCredential(credentialId, asOf);

    public SessionBinding? FindSession(AgentId agent, SessionId session, EventTime? asOf = null) => _inner.FindSession(agent, session, asOf);

    public (long Count, long Evicted) Size => _inner.Size;

    /// <summary>Adoptions are rare (a member taking up a value new to its group): each goes out at once, as the value's earliest adopters.</summary>
    public void RecordAdoption(ulong group, ulong value, ulong agent, EventTime at)
    {
        Adoption adoption;
        lock (_lock)
            adoption = _inner.Adopt(group, value, agent, at);
        Publish(BindingCodec.Key(group, value), BindingCodec.Value(group, value, adoption));
    }

    public int OtherAdopters(ulong group, ulong value, ulong agent, EventTime asOf) => _inner.OtherAdopters(group, value, agent, asOf);

    public void RecordCredential(string credentialId, CredentialBinding binding)
    {
        bool publish;
        lock (_lock)
        {
            var previous = _inner.FindCredential(credentialId);
            _inner.RecordCredential(credentialId, binding);
            bool changed = previous is not { } p || !p.IsOwnedBy(binding.OwnerAgent, binding.OwnerSession) || p.ExpiresAt != binding.ExpiresAt;
            publish = Due(BindingCodec.CredentialKey(credentialId), binding.LastUse, changed);
        }
        if (publish)
            Publish(BindingCodec.Key(credentialId), BindingCodec.Value(credentialId, binding));
    }

    public void RecordSession(SessionBinding binding)
    {
        bool publish;
        lock (_lock)
        {
            var previous = _inner.FindSession(binding.Session.Agent, binding.Session.Session);
            _inner.RecordSession(binding);
            bool changed = previous is null || previous.Group != binding.Group || previous.Intent != binding.Intent;
            publish = Due(BindingCodec.SessionKey(binding), binding.LastSeen, changed);
        }
        if (publish)
            Publish(BindingCodec.Key(binding), BindingCodec.Value(binding));
    }

    /// <summary>Merges a binding from the topic (any worker's) into the local table.</summary>
    private void Apply(byte[] key, byte[]? value)
    {
        if (value is null)
            return;
        lock (_lock)
        {
            switch (BindingCodec.Read(key, value))
            {
                case CredentialEntry (var id, var remote):
                    var local = _inner.FindCredential(id);
                    var merged = local is { } known ? Merge(known, remote) : remote;
                    if (merged != local)
                        _inner.RecordCredential(id, merged);
                    break;
                case AdoptionEntry (var group, var newcomer, var adoption):
                    // Keeping the earliest adopters, merging is the same whatever order records arrive in.
                    _inner.Adopt(group, newcomer, adoption.First, adoption.FirstAt);
                    if (adoption.Second != 0)
                        _inner.Adopt(group, newcomer, adoption.Second, adoption.SecondAt);
                    break;
                case SessionBinding remoteSession:
                    var localSession = _inner.FindSession(remoteSession.Session.Agent, remoteSession.Session.Session);
                    if (localSession is null || remoteSession.LastSeen > localSession.LastSeen)
                        _inner.RecordSession(localSession is null || remoteSession.Start <= localSession.Start ? remoteSession : remoteSession with { Start = localSession.Start });
                    break;
            }
        }
    }

    private static CredentialBinding Merge(CredentialBinding local, CredentialBinding remote)
    {
        var first = remote.FirstUse < local.FirstUse ? remote : local;
        var last = remote.LastUse > local.LastUse ? remote : local;
        return new CredentialBinding(first.OwnerAgent, first.OwnerSession, first.FirstUse, last.LastUse, last.ExpiresAt ?? first.ExpiresAt);
    }

    /// <summary>Whether <paramref name="key"/> at <paramref name="time"/> is published: always when changed, else once per refresh interval (under the lock).</summary>
    private bool Due(string key, EventTime time, bool changed)
    {
        if (!changed && _published.TryGet(key, out var last) && time - last < _options.BindingRefresh)
            return false;
        _published.Set(key, time);
        return true;
    }

    private void Publish(byte[] key, byte[] value) =>
        OutputProducer.Produce(_producer, _options.Topics.Bindings, new Message<byte[]?, byte[]> { Key = key, Value = value }, report =>
        {
            if (report.Error.IsError)
                _logger.LogWarning("binding not published to {Topic}: {Reason}", _options.Topics.Bindings, report.Error.Reason);
        });

    public void Dispose() => _follower.Dispose();
}
