using System.Text;
using Confluent.Kafka;
using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Kafka.Bindings;
using Detector.Kafka.Clients;
using Detector.Kafka.Mock;
using Detector.Kafka.Tests.Support;
using Detector.Scoring.Bindings;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Detector.Kafka.Tests.Bindings;

/// <summary>The shared binding table loads its compacted topic on start, past records it cannot read.</summary>
[Trait("Category", "Kafka")]
[Collection(KafkaCollection.Name)]
public sealed class KafkaBindingTableTests
{
    private static readonly EventTime Noon = EventTime.Parse("2026-01-05T12:00:00Z");
    private static readonly AgentId Agent = new("spiffe://corp.example/agent/pay-1");

    [Fact]
    public async Task Starts_past_an_unreadable_record_and_reads_the_previous_versions_credentials()
    {
        using var cluster = MockCluster.Start(1);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        cluster.CreateTopic(kafka.Topics.Bindings, 1);
        var current = new CredentialBinding(Agent, CredentialBinding.SessionHash(new SessionId("s-3")), Noon, Noon, null);
        var records = new (byte[] Key, byte[] Value)[]
        {
            (BindingCodec.Key("cred_v2"), PreviousVersionCredential("cred_v2", "s-2")),
            (BindingCodec.Key("cred_bad"), [99, 1, 2, 3]),
            (BindingCodec.Key("cred_v3"), BindingCodec.Value("cred_v3", current)),
        };
        Topics.Produce(kafka, kafka.Topics.Bindings, records.Select(r => r.Value), keyOf: v => records.First(r => r.Value == v).Key);

        using var producer = new ProducerBuilder<byte[]?, byte[]>(ClientConfigs.Producer(kafka, "test-bindings")).Build();
        using var table = new KafkaBindingTable(new InMemoryBindingTable(100), producer, kafka, NullLogger.Instance);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await table.StartAsync(deadline.Token);

        Assert.True(table.FindCredential("cred_v2")!.Value.IsOwnedBy(Agent, CredentialBinding.SessionHash(new SessionId("s-2"))));
        Assert.Equal(current, table.FindCredential("cred_v3"));
        Assert.Null(table.FindCredential("cred_bad"));
    }

    [Fact]
    public async Task An_adoption_one_worker_records_is_known_to_a_worker_that_starts_later()
    {
        using var cluster = MockCluster.Start(1);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        cluster.CreateTopic(kafka.Topics.Bindings, 1);
        using var producer = new ProducerBuilder<byte[]?, byte[]>(ClientConfigs.Producer(kafka, "test-bindings")).Build();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using (var first = new KafkaBindingTable(new InMemoryBindingTable(100), producer, kafka, NullLogger.Instance))
        {
            await first.StartAsync(deadline.Token);
            first.RecordAdoption(group: 7, value: 42, agent: 1, Noon);
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        using var second = new KafkaBindingTable(new InMemoryBindingTable(100), producer, kafka, NullLogger.Instance);
        await second.StartAsync(deadline.Token);

        Assert.Equal(1, second.OtherAdopters(group: 7, value: 42, agent: 2, Noon + TimeSpan.FromHours(1)));
        Assert.Equal(0, second.OtherAdopters(group: 7, value: 42, agent: 1, Noon + TimeSpan.FromHours(1)));
    }

    /// <summary>A credential record as workers of binding record version 2 wrote it: the owning session by its id.</summary>
    private static byte[] PreviousVersionCredential(string id, string session)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write((byte)2);
            w.Write(id);
            w.Write(Agent.Value);
            w.Write(session);
            w.Write(Noon.UtcTicks);
            w.Write(Noon.UtcTicks);
            w.Write(false);
            w.Write(0L);
        }
        return stream.ToArray();
    }
}
