namespace Detector.Kafka.Processing;

/// <summary>What a message to a scoring thread asks for.</summary>
internal enum LaneCommand : byte
{
    /// <summary>Score one record of a partition the lane owns.</summary>
    Record = 0,
    /// <summary>Take ownership of a newly assigned partition.</summary>
    Assign = 1,
    /// <summary>Hand a revoked partition back (after every record queued before this message).</summary>
    Release = 2,
    /// <summary>Forget a lost partition without a checkpoint.</summary>
    Drop = 3,
    /// <summary>Look for due checkpoints of idle partitions.</summary>
    Tick = 4,
    /// <summary>Switch models or start or stop a shadow, between two records.</summary>
    Model = 5,
}
