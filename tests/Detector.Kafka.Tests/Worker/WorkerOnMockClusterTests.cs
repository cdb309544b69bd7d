using Confluent.Kafka;
using Detector.Hosting.Worker;
using Detector.Kafka.Admin;
using Detector.Kafka.Mock;
using Detector.Kafka.Tests.Support;
using Detector.Pipeline.Enforcement.Signing;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;
using Detector.Pipeline.Summary;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace Detector.Kafka.Tests.Worker;

/// <summary>The worker in this process against librdkafka's mock cluster, compared with a replay of the same input.</summary>
[Trait("Category", "Kafka")]
[Collection(KafkaCollection.Name)]
public sealed class WorkerOnMockClusterTests(ITestOutputHelper output)
{
    private readonly ILoggerFactory _loggers = TestOutputLogger.Factory(output, out _);

    [Fact]
    public async Task The_worker_emits_what_replay_emits_with_signed_signals_and_commits_every_input()
    {
        var (fleet, cluster, settings, reference) = await SetUpAsync();
        using var _ = cluster;
        var kafka = settings.Kafka;
        Topics.Produce(kafka, kafka.Topics.Input, fleet.Lines);

        await using (await WorkerRun.StartAsync(settings, fleet, loggers: _loggers))
            Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, 1, TimeSpan.FromSeconds(60)));

        var outputs = RunOutputs.FromTopics(kafka, 1);
        AssertSameAs(reference, outputs, exactlyOnce: true);
        var verifier = new SignalVerifier(KeyRing.Load(settings.Signing));
        Assert.All(Topics.ReadAll(kafka, kafka.Topics.Quarantine, 1), r => Assert.Equal(SignatureCheck.Valid, verifier.Check(r.Value)));
        var deadLetter = Topics.ReadAll(kafka, kafka.Topics.DeadLetters, 1)[0];
        Assert.Contains("original_base64", deadLetter.Text, StringComparison.Ordinal);
        Assert.Equal(deadLetter.Headers["offset"], deadLetter.Headers["source"].Split('@')[1]);
    }

    [Fact]
    public async Task Brokers_going_down_and_request_errors_on_produce_fetch_and_commit_lose_nothing_and_duplicate_no_signal()
    {
        var (fleet, cluster, settings, reference) = await SetUpAsync();
        using var _ = cluster;
        var kafka = settings.Kafka;
        await using (await WorkerRun.StartAsync(settings, fleet, loggers: _loggers))
        {
            var producing = Task.Run(() =>
            {
                foreach (var chunk in fleet.Lines.Chunk(fleet.Lines.Count / 20 + 1))
                {
                    Topics.Produce(kafka, kafka.Topics.Input, chunk);
                    Thread.Sleep(100);
                }
            });
            await Task.Delay(400);
            cluster.PushRequestErrors(KafkaApi.Produce, ErrorCode.NotEnoughReplicas, ErrorCode.RequestTimedOut, ErrorCode.NotLeaderForPartition);
            cluster.PushRequestErrors(KafkaApi.Fetch, ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut);
            cluster.PushRequestErrors(KafkaApi.OffsetCommit, ErrorCode.GroupCoordinatorNotAvailable, ErrorCode.NotCoordinatorForGroup, ErrorCode.RequestTimedOut);
            await Task.Delay(400);
            cluster.SetBrokerDown();
            await Task.Delay(1500);
            cluster.SetBrokerUp();
            await producing;
            Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, 1, TimeSpan.FromSeconds(90)));
        }

        // At least once: if the faults cost the worker its partition, records after its last checkpoint are
        // read again and their signals sent again, as identical copies the broker side de-duplicates by id.
        AssertSameAs(reference, RunOutputs.FromTopics(kafka, 1), exactlyOnce: false);
    }

    [Fact]
    public async Task A_restarted_worker_resumes_from_its_checkpoint_with_restored_state_and_drops_redelivered_events()
    {
        var (fleet, cluster, settings, reference) = await SetUpAsync();
        using var _ = cluster;
        var kafka = settings.Kafka;
        kafka.Properties["session.timeout.ms"] = "6000";
        int half = fleet.Lines.Count / 2;
        Topics.Produce(kafka, kafka.Topics.Input, fleet.Lines.Take(half));
        await using (await WorkerRun.StartAsync(settings, fleet, loggers: _loggers))
            Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, 1, TimeSpan.FromSeconds(60)));

        // A producer retried: the well-formed events of the last half hour before the restart (inside the
        // de-duplication window) arrive again, then the rest of the stream.
        var before = fleet.LineOf.Values.Where(i => i < half && TimeOf(fleet.Lines[i]) is not null).Order().ToList();
        var newest = TimeOf(fleet.Lines[before[^1]])!.Value;
        var redelivered = before.Where(i => newest - TimeOf(fleet.Lines[i])!.Value < TimeSpan.FromMinutes(30)).Select(i => fleet.Lines[i]).ToList();
        Assert.NotEmpty(redelivered);
        Topics.Produce(kafka, kafka.Topics.Input, redelivered);
        var summary = new RunSummary();
        await using (var second = await WorkerRun.StartAsync(settings, fleet, new SummarySink(summary), _loggers))
        {
            Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, 1, TimeSpan.FromSeconds(60)));
            Assert.True(second.Metrics.RestoredAgents > 0);
            Assert.Equal(redelivered.Count, summary.Duplicates);
            Topics.Produce(kafka, kafka.Topics.Input, fleet.Lines.Skip(half));
            Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, 1, TimeSpan.FromSeconds(60)));
        }

        var outputs = RunOutputs.FromTopics(kafka, 1);
        AssertSameBefore(reference, outputs, fleet, half);
        Assert.All(outputs.Signals, s => Assert.Single(s.Value));
        // The redelivered events took offsets too: dead letters after the restart sit that much further on.
        var expectedDeadLetters = reference.DeadLetters.Select(d =>
        {
            long offset = long.Parse(d.Key.Split('@')[1], System.Globalization.CultureInfo.InvariantCulture);
            return ($"{kafka.Topics.Input}/0@{(offset < half ? offset : offset + redelivered.Count)}", d.Value);
        });
        Assert.Equal(expectedDeadLetters.Order(), outputs.DeadLetters.Select(d => (d.Key, d.Value)).Order());
    }

    [Fact]
    public async Task A_slow_stage_pauses_the_partitions_instead_of_buffering_and_the_outputs_stay_complete()
    {
        var (fleet, cluster, settings, reference) = await SetUpAsync();
        using var _ = cluster;
        var kafka = settings.Kafka;
        kafka.ChannelCapacity = 64;
        kafka.PauseAfter = TimeSpan.FromMilliseconds(20);
        Topics.Produce(kafka, kafka.Topics.Input, fleet.Lines);

        await using (var run = await WorkerRun.StartAsync(settings, fleet, new SlowSink(), _loggers))
        {
            Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, 1, TimeSpan.FromSeconds(90)));
            Assert.True(run.Metrics.Pauses > 0);
        }

        AssertSameAs(reference, RunOutputs.FromTopics(kafka, 1), exactlyOnce: true);
    }

    internal static async Task<(TestFleet Fleet, MockCluster Cluster, WorkerSettings Settings, RunOutputs Reference)> SetUpAsync()
    {
        var fleet = await TestFleet.Instance;
        var cluster = MockCluster.Start(1);
        var settings = TestSettings.Worker(cluster.BootstrapServers);
        await new MockClusterProvisioner(cluster).EnsureAsync(WorkerTopics.For(settings.Kafka), CancellationToken.None);
        var reference = await RunOutputs.FromReplayAsync(fleet, TestSettings.Worker(cluster.BootstrapServers), shards: 1);
        Assert.NotEmpty(reference.DistinctSignalIds);
        return (fleet, cluster, settings, reference);
    }

    internal static void AssertSameAs(RunOutputs reference, RunOutputs outputs, bool exactlyOnce)
    {
        Assert.Equal(reference.AlertIds.Order(StringComparer.Ordinal), outputs.AlertIds.Order(StringComparer.Ordinal));
        Assert.Equal(reference.DistinctSignalIds, outputs.DistinctSignalIds);
        Assert.All(outputs.Signals, s => Assert.All(s.Value, copy => Assert.Equal(reference.Signals[s.Key][0], copy)));
        if (exactlyOnce)
            Assert.All(outputs.Signals, s => Assert.Single(s.Value));
        Assert.Equal(reference.DeadLetters.OrderBy(d => d.Key, StringComparer.Ordinal), outputs.DeadLetters.OrderBy(d => d.Key, StringComparer.Ordinal));
    }

    /// <summary>A well-formed line's event time; null for a garbled one.</summary>
    private static DateTimeOffset? TimeOf(byte[] line)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(line);
        return doc.RootElement.TryGetProperty("time", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String
            && DateTimeOffset.TryParse(t.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
            ? time
            : null;
    }

    /// <summary>
    /// Signals caused by events before <paramref name="checkpoint"/> (an offset of the one input partition)
    /// are exactly the reference's: up to the checkpoint a restarted or redelivered run is the same run.
    /// </summary>
    internal static void AssertSameBefore(RunOutputs reference, RunOutputs outputs, TestFleet fleet, long checkpoint)
    {
        static IEnumerable<string> Before(RunOutputs run, TestFleet fleet, long offset) =>
            run.SignalTriggers.Where(t => fleet.LineOf[t.Value] < offset).Select(t => t.Key).Order(StringComparer.Ordinal);
        Assert.NotEmpty(Before(reference, fleet, checkpoint));
        Assert.Equal(Before(reference, fleet, checkpoint), Before(outputs, fleet, checkpoint));
        Assert.All(Before(outputs, fleet, checkpoint), id => Assert.All(outputs.Signals[id], copy => Assert.Equal(reference.Signals[id][0], copy)));
        Assert.Empty(outputs.ConflictingSignals);
    }

    /// <summary>An observer that stalls the emit stage now and then early on, so back-pressure reaches the consumer.</summary>
    private sealed class SlowSink : IOutcomeSink
    {
        private int _count;

        public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
        {
            if (++_count <= 1500 && _count % 500 == 0)
                Thread.Sleep(300);
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
