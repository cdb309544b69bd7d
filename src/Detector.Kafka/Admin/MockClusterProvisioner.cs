using Detector.Kafka.Mock;

namespace Detector.Kafka.Admin;

/// <summary>Creates topics on an in-process <see cref="MockCluster"/>, which has no CreateTopics API (and never compacts).</summary>
public sealed class MockClusterProvisioner(MockCluster cluster) : ITopicProvisioner
{
    public Task EnsureAsync(IReadOnlyList<TopicSpec> topics, CancellationToken cancellationToken)
    {
        foreach (var topic in topics)
            cluster.CreateTopic(topic.Name, topic.Partitions, 1);
        return Task.CompletedTask;
    }
}
