using Xunit;

namespace Detector.Kafka.Tests.Support;

/// <summary>
/// Tests that run brokers, workers and processes share one collection, so they run one after another:
/// on two cores, running them side by side starves heartbeats and turns timing into test failures.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KafkaCollection
{
    public const string Name = "Kafka clusters";
}
