using Detector.Kafka.Broker;
using Detector.Pipeline.Summary;

namespace Detector.Hosting.Worker;

/// <summary>What the embedded demo did, end to end.</summary>
public sealed record DemoSummary(
    long Produced,
    long Consumed,
    RunSummary Worker,
    IReadOnlyDictionary<BrokerVerdict, long> Broker,
    long WebhookCalls,
    long LagAtEnd,
    long Checkpoints,
    long WithheldMonitorOnly,
    long WithheldBreakerOpen,
    TimeSpan Elapsed);
