namespace Detector.Kafka.Admin;

/// <summary>Creates the topics that do not exist yet; existing ones are left as they are.</summary>
public interface ITopicProvisioner
{
    Task EnsureAsync(IReadOnlyList<TopicSpec> topics, CancellationToken cancellationToken);
}
