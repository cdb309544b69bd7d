namespace Detector.Pipeline.Metrics;

/// <summary>Records between a consumer's position and the end of one partition.</summary>
public readonly record struct PartitionLag(string Topic, int Partition, long Records);
