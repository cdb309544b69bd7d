using System.Buffers.Binary;
using System.Text;
using Confluent.Kafka;
using Detector.Domain.Time;
using Detector.Kafka.Bindings;
using Microsoft.Extensions.Logging;

namespace Detector.Kafka.Broker;

/// <summary>
/// The signals the broker has acted on, by (source, id), until they expire: loaded from and followed on
/// a compacted topic (so every broker instance, and a restarted one, refuses a replay), and written
/// there before the input offset is committed. An expired signal is refused as expired anyway, so
/// entries are forgotten when they expire.
/// </summary>
public sealed class ActedSignals : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, EventTime> _acted = new(StringComparer.Ordinal);
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly string _topic;
    private readonly CompactedTopicFollower _follower;
    private int _sincePrune;

    public ActedSignals(KafkaOptions kafka, string topic, IProducer<byte[]?, byte[]> producer, ILogger logger)
    {
        _producer = producer;
        _topic = topic;
        _follower = new CompactedTopicFollower(kafka, topic, "agentdrift-broker-acted", Apply, logger);
    }

    public Task StartAsync(CancellationToken cancellationToken) => _follower.StartAsync(cancellationToken);

    /// <summary>Faults if following the topic failed after start (other brokers' acted signals no longer arrive).</summary>
    public Task Stopped => _follower.Stopped;

    public bool Contains(string key)
    {
        lock (_lock)
            return _acted.ContainsKey(key);
    }

    /// <summary>Records an acted-on signal durably (waits for the broker's acknowledgement).</summary>
    public void Add(string key, EventTime expiresAt, EventTime now)
    {
        Remember(key, expiresAt, now);
        var value = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(value, expiresAt.UtcTicks);
        _producer.ProduceAsync(_topic, new Message<byte[]?, byte[]> { Key = Encoding.UTF8.GetBytes(key), Value = value }).GetAwaiter().GetResult();
    }

    private void Apply(byte[] key, byte[]? value)
    {
        if (value is { Length: 8 })
            Remember(Encoding.UTF8.GetString(key), new EventTime(BinaryPrimitives.ReadInt64LittleEndian(value)), EventTime.MinValue);
    }

    private void Remember(string key, EventTime expiresAt, EventTime now)
    {
        lock (_lock)
        {
            _acted[key] = expiresAt;
            if (now == EventTime.MinValue || ++_sincePrune < 1024)
                return;
            _sincePrune = 0;
            foreach (var (k, expiry) in _acted)
            {
                if (expiry < now)
                    _acted.Remove(k);
            }
        }
    }

    public void Dispose() => _follower.Dispose();
}
