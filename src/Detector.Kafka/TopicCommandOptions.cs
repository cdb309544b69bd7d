namespace Detector.Kafka;

/// <summary>Where Kafka 0.9's TopicCommand runs from, for <see cref="TopicProvisioning.TopicCommand"/>.</summary>
public sealed class TopicCommandOptions
{
    /// <summary>The Kafka distribution directory (its <c>libs/*.jar</c> are the class path).</summary>
    public string KafkaHome { get; set; } = "";

    /// <summary>ZooKeeper connect string, e.g. 127.0.0.1:2181.</summary>
    public string ZooKeeper { get; set; } = "";

    /// <summary>The java executable.</summary>
    public string Java { get; set; } = "java";
}
