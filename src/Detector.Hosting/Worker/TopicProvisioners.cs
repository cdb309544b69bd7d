using Detector.Kafka;
using Detector.Kafka.Admin;

namespace Detector.Hosting.Worker;

/// <summary>Picks how missing topics are created from <see cref="KafkaOptions.Provisioning"/>.</summary>
public static class TopicProvisioners
{
    public static ITopicProvisioner? For(KafkaOptions options) => options.Provisioning switch
    {
        TopicProvisioning.AdminApi => new AdminApiProvisioner(options),
        TopicProvisioning.TopicCommand => new TopicCommandProvisioner(options),
        _ => null,
    };

    /// <summary>The broker consumer's own topics, beside the worker's.</summary>
    public static IReadOnlyList<TopicSpec> BrokerTopics(WorkerSettings settings) =>
    [
        new(settings.Broker.DeadLetterTopic, 1, false),
        new(settings.Broker.ActedTopic, 1, true),
    ];
}
