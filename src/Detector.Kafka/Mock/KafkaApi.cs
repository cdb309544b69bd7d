namespace Detector.Kafka.Mock;

/// <summary>Kafka protocol request types (ApiKey) that fault injection targets.</summary>
public enum KafkaApi : short
{
    Produce = 0,
    Fetch = 1,
    OffsetCommit = 8,
    JoinGroup = 11,
    Heartbeat = 12,
}
