using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Confluent.Kafka;
using Detector.Domain.Ingest;
using Detector.Domain.Time;
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
/// A signal is produced only once the alerts it names are acknowledged: the client may deliver
/// different partitions in any order, and a signal on the log whose alert was lost in a crash would
/// point the broker and the analyst at an alert that does not exist (redelivery after a restore need
/// not raise the same alert). Runs on the emit thread; released signals go out on a task of their own.
/// </summary>
public sealed class KafkaOutputSink : IOutcomeSink
{
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly KafkaOptions _options;
    private readonly ISignalSigner? _signer;
    private readonly IOutputDeliveryObserver? _deliveries;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer = new(Stream.Null, ContractJson.WriterOptions);
    private readonly Channel<HeldSignals> _released = Channel.CreateUnbounded<HeldSignals>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _releasing;
    private int _held;

    public KafkaOutputSink(IProducer<byte[]?, byte[]> producer, KafkaOptions options, ISignalSigner? signer, IOutputDeliveryObserver? deliveries)
    {
        _producer = producer;
        _options = options;
        _signer = signer;
        _deliveries = deliveries;
        _releasing = Task.Run(ReleaseAsync);
    }

    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        if (completion.DeadLetter is { } dl)
        {
            var message = new Message<byte[]?, byte[]> { Value = Serialize(ContractJson.WriteDeadLetter, dl) };
            if (_options.Headers)
            {
                message.Headers =
                [
                    new Header("reason", Encoding.UTF8.GetBytes(dl.Reason.Code())),
                    new Header("source", Encoding.UTF8.GetBytes(dl.Source)),
                    new Header("offset", Encoding.UTF8.GetBytes(completion.Position.Offset.ToString(CultureInfo.InvariantCulture))),
                ];
            }
            Send(_options.Topics.DeadLetters, new Output(message, Expect(completion)), completion.ProducedTime, completion.ConsumedTime, null);
        }
        HeldSignals? held = null;
        if (completion.Signals.Count > 0)
        {
            // Registered now, before the completion counts as emitted, so its offset cannot be committed first.
            var signals = new List<Output>(completion.Signals.Count);
            foreach (var signal in completion.Signals)
            {
                var signed = _signer is null ? signal : _signer.Sign(signal);
                signals.Add(new Output(Keyed(signed.Subject, Serialize(static (w, s) => ContractJson.WriteSignal(w, s), signed)), Expect(completion)));
            }
            held = new HeldSignals(signals, completion.ProducedTime, completion.ConsumedTime, completion.Alerts.Count);
            Interlocked.Increment(ref _held);
            if (completion.Alerts.Count == 0)
                _released.Writer.TryWrite(held);
        }
        foreach (var alert in completion.Alerts)
        {
            var output = new Output(Keyed(alert.Agent.Value, Serialize(ContractJson.WriteAlert, alert)), Expect(completion));
            Send(_options.Topics.Alerts, output, completion.ProducedTime, completion.ConsumedTime, held is null ? null : () =>
            {
                if (held.AlertAcknowledged())
                    _released.Writer.TryWrite(held);
            });
        }
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        // Signals still waiting for their alerts go out first; the host's shutdown budget bounds the wait
        // (signals whose alerts failed never go out, and the worker has failed).
        while (Volatile.Read(ref _held) > 0 && !cancellationToken.IsCancellationRequested)
            _producer.Flush(TimeSpan.FromMilliseconds(50));
        _released.Writer.TryComplete();
        await _releasing.ConfigureAwait(false);
        // Flush blocks; the host's shutdown budget bounds it through the token.
        _producer.Flush(cancellationToken);
    }

    private async Task ReleaseAsync()
    {
        await foreach (var held in _released.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var signal in held.Signals)
                Send(_options.Topics.Quarantine, signal, held.Produced, held.Consumed, null);
            Interlocked.Decrement(ref _held);
        }
    }

    private static IDeliveryReceipt? Expect(Completion completion) => completion.Delivery?.Expect(completion.Position.Offset);

    private void Send(string topic, Output output, EventTime? produced, EventTime? consumed, Action? acknowledged)
    {
        var receipt = output.Receipt;
        OutputProducer.Produce(_producer, topic, output.Message, report =>
        {
            if (report.Error.IsError)
            {
                receipt?.Failed($"{topic}: {report.Error.Reason}");
                return;
            }
            receipt?.Delivered();
            _deliveries?.Delivered(topic, produced, consumed);
            acknowledged?.Invoke();
        });
    }

    private sealed record Output(Message<byte[]?, byte[]> Message, IDeliveryReceipt? Receipt);

    /// <summary>A completion's signals, held until each of its alerts is acknowledged.</summary>
    private sealed class HeldSignals(List<Output> signals, EventTime? produced, EventTime? consumed, int alerts)
    {
        private int _alertsOutstanding = alerts;

        public List<Output> Signals { get; } = signals;

        public EventTime? Produced { get; } = produced;

        public EventTime? Consumed { get; } = consumed;

        /// <summary>True for the acknowledgement that releases the signals.</summary>
        public bool AlertAcknowledged() => Interlocked.Decrement(ref _alertsOutstanding) == 0;
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
