namespace Detector.Kafka.State;

/// <summary>One changelog record of a checkpoint (key and value as written).</summary>
internal readonly record struct CheckpointRecord(byte[] Key, byte[] Value);
