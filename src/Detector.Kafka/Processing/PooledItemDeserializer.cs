using Confluent.Kafka;
using Detector.Pipeline.Records;

namespace Detector.Kafka.Processing;

/// <summary>
/// Copies a record's value straight from librdkafka's buffer into a pooled <see cref="PipelineItem"/>
/// (no per-record byte array). Keeps at most limit+1 bytes: enough for the parser to reject the record
/// as oversize, and what the dead letter carries (docs/contracts.md).
/// </summary>
internal sealed class PooledItemDeserializer(PipelineItemPool pool, int maxRecordBytes) : IDeserializer<PipelineItem>
{
    public PipelineItem Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        var item = pool.Rent();
        item.SetBytes(data.Length > maxRecordBytes ? data[..(maxRecordBytes + 1)] : data);
        return item;
    }
}
