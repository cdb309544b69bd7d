namespace Detector.Kafka.Admin;

/// <summary>A topic the worker needs: its partitions and whether it is compacted (a changelog or table).</summary>
public sealed record TopicSpec(string Name, int Partitions, bool Compacted);
