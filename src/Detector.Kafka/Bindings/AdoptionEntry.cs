using Detector.Scoring.Bindings;

namespace Detector.Kafka.Bindings;

/// <summary>A decoded adoption record: a value new to a group and its earliest adopters.</summary>
internal sealed record AdoptionEntry(ulong Group, ulong Value, Adoption Adoption);
