using Detector.Domain.Ingest;

namespace Detector.Domain.Outputs;

/// <summary>A rejected record: why, where it came from, and its original bytes untouched.</summary>
public sealed record DeadLetter(RejectReason Reason, string Detail, string Source, ReadOnlyMemory<byte> Original);
