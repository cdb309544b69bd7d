namespace Detector.Kafka.Broker;

/// <summary>The reference broker consumer (section <c>Broker</c>); Kafka connection settings come from section <c>Kafka</c>.</summary>
public sealed class BrokerOptions
{
    public string GroupId { get; set; } = "agentdrift-broker";

    /// <summary>Signals refused (bad signature, unknown key, expired, malformed) or not delivered to the webhook.</summary>
    public string DeadLetterTopic { get; set; } = "agent.quarantine.dlq";

    /// <summary>Compacted topic of the signals acted on (key = source and id), so a replay is refused across restarts.</summary>
    public string ActedTopic { get; set; } = "agentdrift.broker.acted";

    public WebhookOptions Webhook { get; set; } = new();

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(GroupId) || string.IsNullOrWhiteSpace(DeadLetterTopic) || string.IsNullOrWhiteSpace(ActedTopic))
            throw new ArgumentException("Broker:GroupId, :DeadLetterTopic and :ActedTopic are required");
        Webhook.Validate();
    }
}
