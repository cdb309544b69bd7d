namespace Detector.Kafka;

/// <summary>How missing topics are created at start.</summary>
public enum TopicProvisioning
{
    /// <summary>Topics exist already (created by an operator or the compose init job).</summary>
    None = 0,
    /// <summary>The CreateTopics API (Kafka 0.10.1 and later), with cleanup.policy=compact on internal topics.</summary>
    AdminApi = 1,
    /// <summary>Kafka 0.9's kafka.admin.TopicCommand through ZooKeeper (the 0.9 broker has no CreateTopics API).</summary>
    TopicCommand = 2,
}
