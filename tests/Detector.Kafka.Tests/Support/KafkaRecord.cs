namespace Detector.Kafka.Tests.Support;

/// <summary>A record read back from a topic.</summary>
internal sealed record KafkaRecord(int Partition, long Offset, byte[]? Key, byte[] Value, IReadOnlyDictionary<string, string> Headers)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Value);
}
