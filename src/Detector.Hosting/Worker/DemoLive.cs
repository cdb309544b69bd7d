using Detector.Kafka;

namespace Detector.Hosting.Worker;

/// <summary>The running demo as its <see cref="EmbeddedDemo.WhileLive"/> hook sees it: the embedded cluster's clients' options and the surfaces' addresses.</summary>
public sealed record DemoLive(KafkaOptions Kafka, IReadOnlyList<string> Addresses);
