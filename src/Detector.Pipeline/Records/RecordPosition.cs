namespace Detector.Pipeline.Records;

/// <summary>Where a record came from: a Kafka partition and offset, or line N of a file (partition 0).</summary>
public readonly record struct RecordPosition(int Partition, long Offset);
