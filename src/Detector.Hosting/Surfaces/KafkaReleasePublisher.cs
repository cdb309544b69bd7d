using Confluent.Kafka;
using Detector.Kafka;
using Detector.Kafka.Clients;
using Detector.Kafka.Outputs;
using Detector.Pipeline.Enforcement;
using Detector.Pipeline.Enforcement.Signing;
using Detector.Web.Feedback;

namespace Detector.Hosting.Surfaces;

/// <summary>
/// Publishes an analyst's release to the quarantine topic, signed like the worker's own signals, and
/// returns once the broker acknowledged it (a failure reaches the analyst, who can retry).
/// </summary>
public sealed class KafkaReleasePublisher : IDisposable
{
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly SignalPublisher _publisher;
    private readonly QuarantineReleases _releases;

    public KafkaReleasePublisher(KafkaOptions kafka, QuarantineOptions quarantine, ISignalSigner? signer, TimeProvider clock)
    {
        _producer = new ProducerBuilder<byte[]?, byte[]>(ClientConfigs.Producer(kafka, "agentdrift-release")).Build();
        _publisher = new SignalPublisher(_producer, kafka.Topics.Quarantine);
        _releases = new QuarantineReleases(quarantine, signer, clock);
    }

    public Task PublishAsync(ReleaseRequest request, CancellationToken cancellationToken)
    {
        var original = request.Original.Data;
        var signal = _releases.Release(original.Agent, original.Session, request.Actor, request.Reason, original.AlertIds, request.Alert.ModelVersion);
        return _publisher.PublishAsync(signal, cancellationToken);
    }

    public void Dispose() => _producer.Dispose();
}
