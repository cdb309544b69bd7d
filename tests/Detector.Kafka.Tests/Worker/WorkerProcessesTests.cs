using Detector.Kafka.Admin;
using Detector.Kafka.Mock;
using Detector.Kafka.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Detector.Kafka.Tests.Worker;

/// <summary>Worker processes (`detector run`) in one consumer group against a mock cluster hosted by the test.</summary>
[Trait("Category", "Slow")]
[Collection(KafkaCollection.Name)]
public sealed class WorkerProcessesTests(ITestOutputHelper output)
{
    private const int Partitions = 4;

    [Fact]
    public async Task Two_workers_split_the_partitions_and_when_one_is_killed_the_other_takes_over_with_restored_state()
    {
        var fleet = await TestFleet.Instance;
        using var cluster = MockCluster.Start(1);
        var settings = TestSettings.Worker(cluster.BootstrapServers, Partitions);
        var kafka = settings.Kafka;
        await new MockClusterProvisioner(cluster).EnsureAsync(WorkerTopics.For(kafka), CancellationToken.None);
        var fast = new Dictionary<string, string> { ["session.timeout.ms"] = "6000", ["heartbeat.interval.ms"] = "500" };
        var arguments = TestSettings.AsArguments(settings, fast).Concat(["--model", fleet.ModelDirectory]).ToList();

        using var first = WorkerProcess.Start(arguments);
        Assert.True(first.WaitUntil(w => w.Assigned.Count == Partitions, TimeSpan.FromSeconds(60)), first.Output);
        using var second = WorkerProcess.Start(arguments);
        try
        {
            Assert.True(second.WaitUntil(w => w.Assigned.Count > 0, TimeSpan.FromSeconds(60)), second.Output);
            Assert.True(first.WaitUntil(w => w.Assigned.Count is > 0 and < Partitions, TimeSpan.FromSeconds(30)), first.Output);
            Assert.Empty(first.Assigned.Intersect(second.Assigned));
            Assert.Equal(Partitions, first.Assigned.Count + second.Assigned.Count);
            var firstPartitions = first.Assigned;

            var lines = fleet.Lines;
            int third = lines.Count / 3;
            Topics.Produce(kafka, kafka.Topics.Input, lines.Take(third), keyOf: Lines.AgentKey);
            Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, Partitions, TimeSpan.FromSeconds(60)));
            Topics.Produce(kafka, kafka.Topics.Input, lines.Skip(third).Take(third), keyOf: Lines.AgentKey);
            first.Kill();
            Topics.Produce(kafka, kafka.Topics.Input, lines.Skip(2 * third), keyOf: Lines.AgentKey);

            Assert.True(second.WaitUntil(w => w.Assigned.Count == Partitions, TimeSpan.FromSeconds(60)), second.Output);
            Assert.True(Topics.WaitUntilCommittedToEnd(kafka, kafka.GroupId, kafka.Topics.Input, Partitions, TimeSpan.FromSeconds(90)), second.Output);
            var taken = second.Restores.Where(r => firstPartitions.Contains(r.Partition)).ToList();
            Assert.Equal(firstPartitions.Order(), taken.Select(r => r.Partition).Distinct().Order());
            Assert.True(taken.Sum(r => r.Agents) > 0);

            // The survivor's /metrics counts what it consumed and names its model.
            using var http = new HttpClient { BaseAddress = second.SurfaceAddress ?? throw new InvalidOperationException("no surface address logged:\n" + second.Output) };
            string metrics = await http.GetStringAsync("/metrics");
            Assert.Matches(@"(?m)^agentdrift_events_consumed_total [1-9]\d*$", metrics);
            Assert.Matches(@"(?m)^agentdrift_agents_tracked [1-9]\d*$", metrics);
            Assert.Matches(@"(?m)^agentdrift_state_bytes [1-9]\d*$", metrics);
            Assert.Contains($"agentdrift_model_info{{role=\"active\",version=\"{fleet.Model.Version}\"}} 1", metrics, StringComparison.Ordinal);

            second.Terminate();
            Assert.True(second.WaitForExit(TimeSpan.FromSeconds(60)));
            Assert.Equal(0, second.ExitCode);
        }
        finally
        {
            output.WriteLine(first.Output);
            output.WriteLine(second.Output);
        }

        var reference = await RunOutputs.FromReplayAsync(fleet, TestSettings.Worker(cluster.BootstrapServers), shards: 1);
        var outputs = RunOutputs.FromTopics(kafka, Partitions);
        Assert.Empty(outputs.ConflictingSignals);
        Assert.Equal(reference.DeadLetters.Values.Order(), outputs.DeadLetters.Values.Order());
        Assert.NotEmpty(outputs.Signals);
    }
}
