namespace Detector.Kafka.State;

/// <summary>What a changelog record holds. Values are persisted: never renumber.</summary>
internal enum ChangelogRecordKind : byte
{
    /// <summary>One agent's snapshot (profile and open sessions).</summary>
    Agent = 1,
    /// <summary>A completed checkpoint: the covered input offset, recent event ids, quarantine cooldowns, the peer groups.</summary>
    Marker = 2,
}
