using System.Text;
using Detector.Kafka.Bindings;
using Detector.Kafka.Mock;
using Detector.Kafka.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Detector.Kafka.Tests.Bindings;

/// <summary>A shared table's follower reports when it stops following, so its owner does not serve a stale table.</summary>
[Trait("Category", "Kafka")]
[Collection(KafkaCollection.Name)]
public sealed class CompactedTopicFollowerTests
{
    private const string Topic = "test.shared-table";

    [Fact]
    public async Task A_record_that_fails_to_apply_after_start_faults_Stopped_instead_of_ending_the_process()
    {
        using var cluster = MockCluster.Start(1);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        cluster.CreateTopic(Topic, 1);
        var applied = new List<string>();
        using var follower = new CompactedTopicFollower(kafka, Topic, "test-follower", (_, value) =>
        {
            string text = Encoding.UTF8.GetString(value!);
            if (text == "bug")
                throw new InvalidOperationException("apply failed");
            lock (applied)
                applied.Add(text);
        }, NullLogger.Instance);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await follower.StartAsync(deadline.Token);

        Topics.Produce(kafka, Topic, [Encoding.UTF8.GetBytes("first"), Encoding.UTF8.GetBytes("bug"), Encoding.UTF8.GetBytes("after")], keyOf: v => v);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => follower.Stopped.WaitAsync(deadline.Token));
        Assert.Equal("apply failed", error.Message);
        lock (applied)
            Assert.Equal(["first"], applied);
    }

    [Fact]
    public async Task Dispose_ends_following_without_a_fault()
    {
        using var cluster = MockCluster.Start(1);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        cluster.CreateTopic(Topic, 1);
        Topics.Produce(kafka, Topic, [Encoding.UTF8.GetBytes("present")], keyOf: v => v);
        long seen = 0;
        var follower = new CompactedTopicFollower(kafka, Topic, "test-follower", (_, _) => Interlocked.Increment(ref seen), NullLogger.Instance);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await follower.StartAsync(deadline.Token);
        Assert.False(follower.Stopped.IsCompleted);

        follower.Dispose();

        await follower.Stopped.WaitAsync(deadline.Token);
        Assert.True(follower.Stopped.IsCompletedSuccessfully);
        Assert.Equal(1, Interlocked.Read(ref seen));
    }
}
