using Detector.Pipeline.Records;

namespace Detector.Kafka.Processing;

/// <summary>
/// One message to a scoring thread. Records and partition hand-overs share the queue, so a release is
/// handled after every record of that partition queued before it: the queue itself is the drain.
/// </summary>
internal readonly record struct LaneMessage(
    LaneCommand Command,
    int Partition,
    PipelineItem? Item = null,
    PartitionRuntime? Runtime = null,
    TaskCompletionSource<PartitionRuntime?>? Done = null,
    ModelChange? Change = null);
