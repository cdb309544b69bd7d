using Detector.Pipeline.Shadow;
using Detector.Pipeline.Stages;
using Detector.Scoring.Engine;

namespace Detector.Kafka.Processing;

/// <summary>
/// One model's scoring of a partition: the agents' state and the step (admission, scoring, quarantine)
/// over it; a shadow's also names the comparison its outputs go to instead of the sinks.
/// </summary>
internal sealed record PartitionScoring(EngineShard Shard, ShardStep Step, ShadowComparison? Comparison = null);
