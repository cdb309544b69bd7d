using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Hosting.Worker;
using Detector.Kafka.Admin;
using Detector.Kafka.Broker;
using Detector.Kafka.Mock;
using Detector.Kafka.Tests.Signing;
using Detector.Kafka.Tests.Support;
using Detector.Pipeline.Enforcement.Signing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Detector.Kafka.Tests.Broker;

/// <summary>The reference broker consumer against the mock cluster and a revocation endpoint in this process.</summary>
[Trait("Category", "Kafka")]
[Collection(KafkaCollection.Name)]
public sealed class BrokerConsumerTests
{
    [Fact]
    public async Task Only_valid_unexpired_signals_are_acted_on_once_and_the_rest_are_dead_lettered_with_their_reason()
    {
        await using var setup = await Setup.StartAsync();
        var valid = setup.Signed(SignalSigningTests.Signal("spiffe://corp.example/agent/valid") with { Id = "valid-1" });
        var tampered = JsonNode.Parse(setup.Signed(SignalSigningTests.Signal() with { Id = "tampered-1" }))!;
        tampered["data"]!["credential_ids"] = new JsonArray("someone-else");
        var rogue = new SignalSigner(KeyRing.Load(TestKeys.Options("rogue", ("rogue", TestKeys.Hs256())))).Sign(SignalSigningTests.Signal() with { Id = "rogue-1" });
        var expired = setup.Signed(SignalSigningTests.Signal() with
        {
            Id = "expired-1",
            Data = SignalSigningTests.Signal().Data with { ExpiresAt = EventTime.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)) },
        });
        setup.Publish(valid, Encoding.UTF8.GetBytes(tampered.ToJsonString()), SignalSigningTests.Json(rogue), expired,
            SignalSigningTests.Json(SignalSigningTests.Signal() with { Id = "unsigned-1" }), "{\"not\":\"a signal\"}"u8.ToArray(), valid);

        await setup.WaitForVerdictsAsync(7);

        var received = Assert.Single(setup.Receiver.Received);
        Assert.Equal("valid-1", received.IdempotencyKey);
        Assert.Equal(1, setup.Consumer.Count(BrokerVerdict.Acted));
        Assert.Equal(1, setup.Consumer.Count(BrokerVerdict.Replayed));
        Assert.Equal(["bad_signature", "expired", "malformed", "unknown_kid", "unsigned"], setup.DeadLetterReasons().Order());
    }

    [Fact]
    public async Task A_webhook_that_is_down_for_a_while_gets_the_signal_once_it_is_back()
    {
        await using var setup = await Setup.StartAsync();
        setup.Receiver.FailNext(3);
        setup.Publish(setup.Signed(SignalSigningTests.Signal() with { Id = "retry-1" }));

        await setup.WaitForVerdictsAsync(1);

        Assert.Equal(3, setup.Receiver.Refused);
        Assert.Equal("retry-1", Assert.Single(setup.Receiver.Received).IdempotencyKey);
        Assert.Equal(1, setup.Consumer.Count(BrokerVerdict.Acted));
        Assert.Empty(setup.DeadLetterReasons());
    }

    [Fact]
    public async Task A_webhook_down_through_every_attempt_dead_letters_the_signal_and_the_stream_moves_on()
    {
        await using var setup = await Setup.StartAsync();
        setup.Receiver.FailNext(setup.Options.Webhook.MaxAttempts);
        setup.Publish(setup.Signed(SignalSigningTests.Signal() with { Id = "lost-1" }), setup.Signed(SignalSigningTests.Signal() with { Id = "next-1" }));

        await setup.WaitForVerdictsAsync(2);

        Assert.Equal(["webhook_failed"], setup.DeadLetterReasons());
        Assert.Equal("next-1", Assert.Single(setup.Receiver.Received).IdempotencyKey);
    }

    [Fact]
    public async Task A_restarted_broker_consumer_still_refuses_a_replay_of_a_signal_it_acted_on()
    {
        await using var setup = await Setup.StartAsync();
        var signal = setup.Signed(SignalSigningTests.Signal() with { Id = "once-1" });
        setup.Publish(signal);
        await setup.WaitForVerdictsAsync(1);

        await setup.RestartAsync();
        setup.Publish(signal);
        await setup.WaitForVerdictsAsync(1);

        Assert.Single(setup.Receiver.Received);
        Assert.Equal(1, setup.Consumer.Count(BrokerVerdict.Replayed));
    }

    /// <summary>A mock cluster, a revocation endpoint and a running broker consumer with an HS256 key.</summary>
    private sealed class Setup : IAsyncDisposable
    {
        private readonly MockCluster _cluster;
        private CancellationTokenSource _stop = new();
        private Task _run = Task.CompletedTask;

        private Setup(MockCluster cluster, RevocationReceiver receiver, WorkerSettings settings)
        {
            _cluster = cluster;
            Receiver = receiver;
            Settings = settings;
        }

        public RevocationReceiver Receiver { get; }

        public WorkerSettings Settings { get; }

        public BrokerOptions Options => Settings.Broker;

        public BrokerConsumer Consumer { get; private set; } = null!;

        public static async Task<Setup> StartAsync()
        {
            var cluster = MockCluster.Start(1);
            var receiver = await RevocationReceiver.StartAsync(CancellationToken.None);
            var settings = TestSettings.Worker(cluster.BootstrapServers);
            settings.Broker.GroupId = "broker-" + Guid.NewGuid().ToString("N");
            settings.Broker.Webhook = new WebhookOptions { Url = receiver.Url, MaxAttempts = 4, InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(100) };
            settings.ValidateForBroker();
            await new MockClusterProvisioner(cluster).EnsureAsync(WorkerTopics.For(settings.Kafka, TopicProvisioners.BrokerTopics(settings)), CancellationToken.None);
            var setup = new Setup(cluster, receiver, settings);
            setup.Run();
            return setup;
        }

        public byte[] Signed(QuarantineSignal signal) => SignalSigningTests.Json(new SignalSigner(KeyRing.Load(Settings.Signing)).Sign(signal));

        public void Publish(params byte[][] signals) => Topics.Produce(Settings.Kafka, Settings.Kafka.Topics.Quarantine, signals, keyOf: _ => "agent"u8.ToArray());

        /// <summary>Waits until the consumer has decided on <paramref name="count"/> signals since it started.</summary>
        public async Task WaitForVerdictsAsync(int count)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (Consumer.Received < count && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            Assert.Equal(count, Consumer.Received);
        }

        public List<string> DeadLetterReasons() => Topics.ReadAll(Settings.Kafka, Options.DeadLetterTopic, 1)
            .Select(r => JsonDocument.Parse(r.Value).RootElement.GetProperty("reason").GetString()!).ToList();

        public async Task RestartAsync()
        {
            await StopAsync();
            _stop = new CancellationTokenSource();
            Run();
        }

        private void Run()
        {
            Consumer = new BrokerConsumer(Settings.Kafka, Options, Signers.VerifierFor(Settings.Signing), TimeProvider.System, NullLogger.Instance);
            _run = Consumer.RunAsync(_stop.Token);
        }

        private async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _run.WaitAsync(TimeSpan.FromSeconds(30));
            _stop.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            await Receiver.DisposeAsync();
            _cluster.Dispose();
        }
    }
}
