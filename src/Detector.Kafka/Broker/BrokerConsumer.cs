using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using Detector.Domain.Time;
using Detector.Domain.Wire;
using Detector.Kafka.Clients;
using Detector.Pipeline.Enforcement.Signing;
using Microsoft.Extensions.Logging;

namespace Detector.Kafka.Broker;

/// <summary>
/// The reference credential-broker side: consumes quarantine signals as a consumer group, verifies the
/// signature (kid, RFC 7515 detached JWS over the RFC 8785 canonical event) and the expiry, refuses a
/// signal already acted on, and calls the revocation webhook. Refusals and undeliverable signals go to
/// a dead-letter topic. The offset of a signal is stored for commit only after its outcome is durable
/// (acted-on record or dead letter acknowledged): at least once, and the webhook gets an idempotency key.
/// </summary>
public sealed class BrokerConsumer(KafkaOptions kafka, BrokerOptions options, SignalVerifier? verifier, TimeProvider clock, ILogger logger)
{
    private readonly long[] _verdicts = new long[Enum.GetValues<BrokerVerdict>().Length];

    /// <summary>Called on the consumer thread with every signal's verdict (the envelope is null when malformed).</summary>
    public Action<SignalEnvelope?, BrokerVerdict>? Observed { get; set; }

    public long Count(BrokerVerdict verdict) => Interlocked.Read(ref _verdicts[(int)verdict]);

    public long Received
    {
        get
        {
            long total = 0;
            foreach (var v in Enum.GetValues<BrokerVerdict>())
                total += Count(v);
            return total;
        }
    }

    /// <summary>
    /// Runs until <paramref name="stopping"/> is cancelled; the final offsets are committed on the way out.
    /// Throws if following the acted-signals topic failed (the broker stops rather than risk acting on a replay).
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(ClientConfigs.Producer(kafka, "agentdrift-broker"))
            .SetLogHandler((_, m) => KafkaLog.Write(logger, m))
            .Build();
        using var acted = new ActedSignals(kafka, options.ActedTopic, producer, logger);
        await acted.StartAsync(stopping).ConfigureAwait(false);
        // Without other instances' acted signals a replay could be acted on twice: stop instead.
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _ = acted.Stopped.ContinueWith(_ => running.Cancel(), CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        using var webhook = new RevocationWebhook(options.Webhook);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Consume(producer, acted, webhook, running.Token);
                done.SetResult();
            }
            catch (OperationCanceledException) when (running.IsCancellationRequested)
            {
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "agentdrift-broker",
        };
        thread.Start();
        await done.Task.ConfigureAwait(false);
        if (acted.Stopped.IsFaulted)
            throw new InvalidOperationException($"the broker stopped: following {options.ActedTopic} failed: {acted.Stopped.Exception!.GetBaseException().Message}");
    }

    private void Consume(IProducer<byte[]?, byte[]> producer, ActedSignals acted, RevocationWebhook webhook, CancellationToken stopping)
    {
        var config = ClientConfigs.GroupConsumer(kafka, options.GroupId, "agentdrift-broker");
        config.EnableAutoCommit = true;
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(config)
            .SetLogHandler((_, m) => KafkaLog.Write(logger, m))
            .SetErrorHandler((_, e) => KafkaLog.Write(logger, "broker", e))
            .Build();
        consumer.Subscribe(kafka.Topics.Quarantine);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                ConsumeResult<Ignore, byte[]>? record;
                try
                {
                    record = consumer.Consume(stopping);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                var verdict = Decide(record, producer, acted, webhook, stopping, out var envelope);
                Interlocked.Increment(ref _verdicts[(int)verdict]);
                Observed?.Invoke(envelope, verdict);
                consumer.StoreOffset(record);
            }
        }
        finally
        {
            consumer.Close();
        }
    }

    private BrokerVerdict Decide(ConsumeResult<Ignore, byte[]> record, IProducer<byte[]?, byte[]> producer, ActedSignals acted, RevocationWebhook webhook,
        CancellationToken stopping, out SignalEnvelope? envelope)
    {
        byte[] body = record.Message.Value ?? [];
        if (!SignalEnvelope.TryParse(body, out var parsed))
        {
            envelope = null;
            return DeadLetter(producer, record, BrokerVerdict.Malformed, "not a dev.agentdrift.quarantine.v1 CloudEvent");
        }
        envelope = parsed;
        if (verifier is not null)
        {
            var check = verifier.Check(body);
            if (check != SignatureCheck.Valid)
            {
                var refused = check switch
                {
                    SignatureCheck.Missing => BrokerVerdict.Unsigned,
                    SignatureCheck.UnknownKey => BrokerVerdict.UnknownKey,
                    SignatureCheck.BadSignature => BrokerVerdict.BadSignature,
                    _ => BrokerVerdict.Malformed,
                };
                return DeadLetter(producer, record, refused, $"signature check: {check}");
            }
        }
        var now = EventTime.FromDateTimeOffset(clock.GetUtcNow());
        if (parsed.ExpiresAt <= now)
            return DeadLetter(producer, record, BrokerVerdict.Expired, $"expired at {parsed.ExpiresAt}");
        if (acted.Contains(parsed.Key))
        {
            logger.LogInformation("signal {Id} from {Source} was already acted on: not acted on again", parsed.Id, parsed.Source);
            return BrokerVerdict.Replayed;
        }
        var result = webhook.Deliver(parsed.Id, body, stopping);
        if (!result.Delivered)
            return DeadLetter(producer, record, BrokerVerdict.WebhookFailed, $"webhook failed after {result.Attempts} attempts: {result.Failure}");
        acted.Add(parsed.Key, parsed.ExpiresAt, now);
        logger.LogInformation("acted on {Action} for {Agent} (signal {Id}, {Attempts} attempts)", parsed.Action, parsed.Agent, parsed.Id, result.Attempts);
        return BrokerVerdict.Acted;
    }

    /// <summary>Writes the refused signal with its reason (same envelope as input dead letters) and waits for the acknowledgement.</summary>
    private BrokerVerdict DeadLetter(IProducer<byte[]?, byte[]> producer, ConsumeResult<Ignore, byte[]> record, BrokerVerdict verdict, string detail)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, ContractJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("reason", verdict.Code());
            w.WriteString("detail", detail);
            w.WriteString("source", string.Create(CultureInfo.InvariantCulture, $"{record.Topic}/{record.Partition.Value}@{record.Offset.Value}"));
            w.WriteBase64String("original_base64", record.Message.Value ?? []);
            w.WriteEndObject();
        }
        producer.ProduceAsync(options.DeadLetterTopic, new Message<byte[]?, byte[]> { Value = stream.ToArray() }).GetAwaiter().GetResult();
        logger.LogWarning("signal at {Topic}/{Partition}@{Offset} refused: {Reason} ({Detail})", record.Topic, record.Partition.Value, record.Offset.Value, verdict.Code(), detail);
        return verdict;
    }
}
