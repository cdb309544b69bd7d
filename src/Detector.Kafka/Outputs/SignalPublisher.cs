using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Detector.Domain.Outputs;
using Detector.Domain.Wire;

namespace Detector.Kafka.Outputs;

/// <summary>
/// Publishes a single signal outside the worker's stream (an analyst's release) and waits for the
/// broker's acknowledgement. The signal is expected signed already (see QuarantineReleases).
/// </summary>
public sealed class SignalPublisher(IProducer<byte[]?, byte[]> producer, string topic)
{
    public async Task PublishAsync(QuarantineSignal signal, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, ContractJson.WriterOptions))
            ContractJson.WriteSignal(w, signal);
        var message = new Message<byte[]?, byte[]> { Key = Encoding.UTF8.GetBytes(signal.Subject), Value = stream.ToArray() };
        await producer.ProduceAsync(topic, message, cancellationToken).ConfigureAwait(false);
    }
}
