using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Detector.Domain.Ingest;
using Detector.Domain.Wire;
using Detector.Pipeline.Enforcement.Signing;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;

namespace Detector.Kafka.Outputs;

/// <summary>
/// Writes a completion's outputs to their topics: alerts (key = agent id), signed quarantine signals
/// (key = agent id) and dead letters (the contract's JSON envelope, plus headers where the broker has
/// them). Every output asks the completion's delivery tracker for a receipt and completes it from the
/// delivery report, so an input offset is committed only after all it caused is acknowledged.
/// Runs on the emit thread.
/// </summary>
public sealed class KafkaOutputSink(IProducer<byte[]?, byte[]> producer, KafkaOptions options, ISignalSigner? signer, IOutputDeliveryObserver? deliveries) : IOutcomeSink
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer = new(Stream.Null, ContractJson.WriterOptions);

    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        if (completion.DeadLetter is { } dl)
        {
            var message = new Message<byte[]?, byte[]> { Value = Serialize(ContractJson.WriteDeadLetter, dl) };
            if (options.Headers)
            {
                message.Headers =
                [
                    new Header("reason", Encoding.UTF8.GetBytes(dl.Reason.Code())),
                    new Header("source", Encoding.UTF8.GetBytes(dl.Source)),
                    new Header("offset", Encoding.UTF8.GetBytes(completion.Position.Offset.ToString(CultureInfo.InvariantCulture))),
                ];
            }
            Send(options.Topics.DeadLetters, message, completion);
        }
        foreach (var alert in completion.Alerts)
            Send(options.Topics.Alerts, Keyed(alert.Agent.Value, Serialize(ContractJson.WriteAlert, alert)), completion);
        foreach (var signal in completion.Signals)
        {
            var signed = signer is null ? signal : signer.Sign(signal);
            Send(options.Topics.Quarantine, Keyed(signed.Subject, Serialize(static (w, s) => ContractJson.WriteSignal(w, s), signed)), completion);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        // Flush blocks; the host's shutdown budget bounds it through the token.
        producer.Flush(cancellationToken);
        return ValueTask.CompletedTask;
    }

    private void Send(string topic, Message<byte[]?, byte[]> message, Completion completion)
    {
        var receipt = completion.Delivery?.Expect(completion.Position.Offset);
        var (produced, consumed) = (completion.ProducedTime, completion.ConsumedTime);
        OutputProducer.Produce(producer, topic, message, report =>
        {
            if (report.Error.IsError)
            {
                receipt?.Failed($"{topic}: {report.Error.Reason}");
                return;
            }
            receipt?.Delivered();
            deliveries?.Delivered(topic, produced, consumed);
        });
    }

    private static Message<byte[]?, byte[]> Keyed(string key, byte[] value) => new() { Key = Encoding.UTF8.GetBytes(key), Value = value };

    private byte[] Serialize<T>(Action<Utf8JsonWriter, T> write, T value)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        write(_writer, value);
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }
}
