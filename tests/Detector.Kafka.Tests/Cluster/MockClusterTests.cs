using Confluent.Kafka;
using Detector.Kafka.Clients;
using Detector.Kafka.Mock;
using Detector.Kafka.Tests.Support;
using Xunit;

namespace Detector.Kafka.Tests.Cluster;

/// <summary>The in-process mock cluster speaks the real protocol: groups, idempotence, fault injection.</summary>
[Trait("Category", "Kafka")]
[Collection(KafkaCollection.Name)]
public sealed class MockClusterTests
{
    [Fact]
    public void An_idempotent_producer_retrying_through_produce_errors_writes_each_record_once_and_in_order()
    {
        using var cluster = MockCluster.Start(3);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        cluster.CreateTopic("t", 1, 3);
        cluster.PushRequestErrors(KafkaApi.Produce, ErrorCode.NotEnoughReplicas, ErrorCode.RequestTimedOut, ErrorCode.NotEnoughReplicasAfterAppend, ErrorCode.LeaderNotAvailable);

        var values = Enumerable.Range(0, 500).Select(i => BitConverter.GetBytes(i)).ToList();
        Topics.Produce(kafka, "t", values);

        Assert.Equal(Enumerable.Range(0, 500), Topics.ReadAll(kafka, "t", 1).Select(r => BitConverter.ToInt32(r.Value)));
    }

    [Fact]
    public async Task Two_consumers_in_one_group_share_the_partitions_and_read_every_record_once()
    {
        using var cluster = MockCluster.Start(1);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers, Properties = { ["heartbeat.interval.ms"] = "300", ["session.timeout.ms"] = "6000" } };
        cluster.CreateTopic("t", 4);
        string group = "g-" + Guid.NewGuid().ToString("N");
        var seen = new System.Collections.Concurrent.ConcurrentBag<(int Consumer, int Partition, int Value)>();
        using var bothJoined = new CountdownEvent(2);
        var assigned = new int[2];
        // A loaded CI machine can starve heartbeats and repeat the rebalance a few times before it settles.
        using var joinDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var bothDone = new CountdownEvent(2);
        using var readDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        const int Records = 400;

        var consumers = Enumerable.Range(0, 2).Select(c => Task.Run(() =>
        {
            using var consumer = new ConsumerBuilder<Ignore, byte[]>(ClientConfigs.GroupConsumer(kafka, group, "c" + c)).Build();
            // Every poll keeps what it returns: production starts as soon as both have joined, possibly while
            // this consumer is still inside a poll of the waiting loops below.
            void Poll()
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } r)
                    seen.Add((c, r.Partition.Value, BitConverter.ToInt32(r.Message.Value)));
            }
            consumer.Subscribe("t");
            while (consumer.Assignment.Count is 0 or 4)
            {
                if (joinDeadline.IsCancellationRequested)
                    return;
                Poll();
                Volatile.Write(ref assigned[c], consumer.Assignment.Count);
            }
            bothJoined.Signal();
            // Stay in the group until the other consumer has its share too: leaving now would hand it all four again.
            while (!bothJoined.IsSet && !joinDeadline.IsCancellationRequested)
                Poll();
            // Read until every record was, however slowly the producer got going, then a second longer so a
            // record read twice would show; neither leaves before both are done (a partition handed over
            // mid-read would be read again from the start, as nothing is committed).
            var tail = System.Diagnostics.Stopwatch.StartNew();
            bool done = false;
            while (!readDeadline.IsCancellationRequested && !bothDone.IsSet)
            {
                Poll();
                if (seen.Count < Records)
                    tail.Restart();
                else if (!done && tail.Elapsed >= TimeSpan.FromSeconds(1))
                {
                    done = true;
                    bothDone.Signal();
                }
            }
            consumer.Close();
        })).ToArray();
        bool split = bothJoined.Wait(TimeSpan.FromSeconds(91));
        if (!split)
            await Task.WhenAll(consumers);
        Assert.True(split, $"assignments never split: {assigned[0]} and {assigned[1]} partitions");
        Topics.Produce(kafka, "t", Enumerable.Range(0, Records).Select(i => BitConverter.GetBytes(i)), keyOf: v => v);
        await Task.WhenAll(consumers);

        Assert.Equal(Enumerable.Range(0, Records), seen.Select(s => s.Value).Order());
        Assert.All(seen.GroupBy(s => s.Partition), p => Assert.Single(p.Select(s => s.Consumer).Distinct()));
    }
}
