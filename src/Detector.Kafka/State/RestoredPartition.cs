namespace Detector.Kafka.State;

/// <summary>A partition's state as of its last completed checkpoint: resume input at <see cref="CoveredOffset"/>.</summary>
internal sealed record RestoredPartition(long CoveredOffset, ReadOnlyMemory<byte> Marker, IReadOnlyList<ReadOnlyMemory<byte>> Agents, long ChangelogBytes);
