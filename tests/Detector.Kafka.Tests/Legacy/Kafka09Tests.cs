using Detector.Kafka.Tests.Support;
using Detector.Kafka.Tests.Worker;
using Detector.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Detector.Kafka.Tests.Legacy;

/// <summary>The worker against a real Apache Kafka broker (0.9.0.1: no headers, no idempotent producer, no CreateTopics API).</summary>
[Trait("Category", "Slow")]
[Collection(KafkaCollection.Name)]
public sealed class Kafka09Tests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_worker_killed_mid_stream_and_restarted_skips_no_input_and_emits_exactly_the_uninterrupted_runs_outputs_after_de_duplication()
    {
        var fleet = await TestFleet.Instance;
        using var broker = Kafka09Broker.Start();
        var settings = TestSettings.Worker(broker.BootstrapServers);
        var kafka = settings.Kafka;
        kafka.Idempotence = false;
        kafka.Headers = false;
        kafka.Provisioning = TopicProvisioning.TopicCommand;
        kafka.TopicCommand.KafkaHome = Kafka09Broker.Home;
        kafka.TopicCommand.ZooKeeper = broker.ZooKeeper;
        foreach (var (key, value) in Kafka09Broker.ClientProperties)
            kafka.Properties[key] = value;
        var properties = new Dictionary<string, string>(Kafka09Broker.ClientProperties) { ["session.timeout.ms"] = "6000", ["heartbeat.interval.ms"] = "500" };
        var arguments = TestSettings.AsArguments(settings, properties).Concat(["--model", fleet.ModelDirectory]).ToList();
        var reference = await RunOutputs.FromReplayAsync(fleet, TestSettings.Worker(broker.BootstrapServers), shards: 1);

        using var first = WorkerProcess.Start(arguments);
        try
        {
            Assert.True(first.WaitUntil(w => w.Assigned.Count == 1, TimeSpan.FromSeconds(90)), first.Output);
            int third = fleet.Lines.Count / 3;
            Topics.Produce(kafka, kafka.Topics.Input, fleet.Lines.Take(third));
            Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, 1, TimeSpan.FromSeconds(60)));
            Topics.Produce(kafka, kafka.Topics.Input, fleet.Lines.Skip(third));
            first.Kill();

            using var restarted = WorkerProcess.Start(arguments);
            try
            {
                Assert.True(restarted.WaitUntil(w => w.Restores.Count > 0, TimeSpan.FromSeconds(90)), restarted.Output);
                Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, 1, TimeSpan.FromSeconds(90)), restarted.Output);
                restarted.Terminate();
                Assert.True(restarted.WaitForExit(TimeSpan.FromSeconds(60)));
                Assert.Equal(0, restarted.ExitCode);

                var outputs = RunOutputs.FromTopics(kafka, 1);
                long resumedAt = restarted.Restores[0].Offset;
                Assert.True(resumedAt >= third);
                // The restored checkpoint holds the agents, their groups, the de-duplication window and the cooldowns
                // as of its offset, so the input read again after it is scored as the first time: the outputs are the
                // uninterrupted run's, with the outputs of the records read twice as identical copies.
                WorkerOnMockClusterTests.AssertSameAs(reference, outputs, exactlyOnce: false);
                Assert.Empty(outputs.ConflictingSignals);
                Assert.Equal(reference.DeadLetters.OrderBy(d => d.Key, StringComparer.Ordinal), outputs.DeadLetters.OrderBy(d => d.Key, StringComparer.Ordinal));
            }
            finally
            {
                output.WriteLine(restarted.Output);
            }
        }
        finally
        {
            output.WriteLine(first.Output);
        }
    }
}
