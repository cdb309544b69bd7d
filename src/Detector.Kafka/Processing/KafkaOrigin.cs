using System.Globalization;
using Detector.Pipeline.Records;
using Detector.Pipeline.Sources;

namespace Detector.Kafka.Processing;

/// <summary>Names input records as <c>topic/partition@offset</c> for dead letters and logs.</summary>
internal sealed class KafkaOrigin(string topic) : IRecordOrigin
{
    public string Name => topic;

    public string Describe(RecordPosition position) =>
        string.Create(CultureInfo.InvariantCulture, $"{topic}/{position.Partition}@{position.Offset}");
}
