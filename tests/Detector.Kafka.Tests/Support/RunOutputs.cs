using System.Text;
using System.Text.Json;
using Detector.Domain.Outputs;
using Detector.Domain.Wire;
using Detector.Hosting.Jobs;
using Detector.Hosting.Worker;
using Detector.TestSupport;

namespace Detector.Kafka.Tests.Support;

/// <summary>
/// What a run produced, in comparable form: alert ids, signals by id (their canonical JSON without the
/// signature, one entry per copy), dead letters by source position.
/// </summary>
internal sealed record RunOutputs(
    IReadOnlySet<string> AlertIds,
    IReadOnlyDictionary<string, List<string>> Signals,
    IReadOnlyDictionary<string, string> DeadLetters,
    IReadOnlyDictionary<string, string> SignalTriggers)
{
    /// <summary>Reads the worker's output topics.</summary>
    public static RunOutputs FromTopics(KafkaOptions kafka, int partitions)
    {
        var t = kafka.Topics;
        var alerts = Topics.ReadAll(kafka, t.Alerts, partitions).Select(r => r.Value).ToList();
        var signals = Topics.ReadAll(kafka, t.Quarantine, partitions).Select(r => r.Value).ToList();
        var deadLetters = Topics.ReadAll(kafka, t.DeadLetters, partitions).Select(r => (Text(r.Value, "source"), Text(r.Value, "reason")))
            .GroupBy(d => d.Item1).ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);
        return new RunOutputs(AlertIdsOf(alerts), Group(signals), deadLetters, Triggers(alerts, signals));
    }

    /// <summary>The reference: the same lines replayed from a file (one shard per input partition).</summary>
    public static async Task<RunOutputs> FromReplayAsync(TestFleet fleet, WorkerSettings settings, int shards)
    {
        using var dir = new TempDirectory();
        string input = dir.File("events.jsonl");
        await File.WriteAllBytesAsync(input, fleet.Lines.SelectMany(l => l.Append((byte)'\n')).ToArray());
        settings.Detector.Pipeline.Shards = shards;
        // Replay has no arrival clock (its future check would compare with the stream); the worker's events lie in the past.
        settings.Detector.Pipeline.MaxFutureSkew = null;
        var request = new ReplayRequest(input, fleet.ModelDirectory, dir.File("alerts.jsonl"), dir.File("signals.jsonl"), null, dir.File("dead.jsonl"));
        await new ReplayJob(request, settings.Detector).RunAsync(null, CancellationToken.None);
        var alerts = File.ReadAllLines(dir.File("alerts.jsonl")).Select(Encoding.UTF8.GetBytes).ToList();
        var signals = File.ReadAllLines(dir.File("signals.jsonl")).Select(Encoding.UTF8.GetBytes).ToList();
        // Replay names a dead letter by line (file:N); the worker by offset (topic/partition@N-1).
        var deadLetters = File.ReadAllLines(dir.File("dead.jsonl")).Select(l => Encoding.UTF8.GetBytes(l))
            .ToDictionary(d => $"{settings.Kafka.Topics.Input}/0@{long.Parse(Text(d, "source").Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture) - 1}", d => Text(d, "reason"), StringComparer.Ordinal);
        return new RunOutputs(AlertIdsOf(alerts), Group(signals), deadLetters, Triggers(alerts, signals));
    }

    public IEnumerable<string> DistinctSignalIds => Signals.Keys.Order(StringComparer.Ordinal);

    /// <summary>Signal ids with copies that differ (a redelivery that changed a signal).</summary>
    public IEnumerable<string> ConflictingSignals => Signals.Where(s => s.Value.Distinct(StringComparer.Ordinal).Count() > 1).Select(s => s.Key);

    private static HashSet<string> AlertIdsOf(IEnumerable<byte[]> alerts) => alerts.Select(a => Text(a, "alert_id")).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each signal's triggering event id (the last evidence event of its alerts).</summary>
    private static Dictionary<string, string> Triggers(IEnumerable<byte[]> alerts, IEnumerable<byte[]> signals)
    {
        var trigger = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (byte[] a in alerts)
        {
            using var doc = JsonDocument.Parse(a);
            var ids = doc.RootElement.GetProperty("event_ids");
            trigger[doc.RootElement.GetProperty("alert_id").GetString()!] = ids[ids.GetArrayLength() - 1].GetString()!;
        }
        var bySignal = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (byte[] s in signals)
        {
            using var doc = JsonDocument.Parse(s);
            string alertId = doc.RootElement.GetProperty("data").GetProperty("alert_ids")[0].GetString()!;
            bySignal[doc.RootElement.GetProperty("id").GetString()!] = trigger[alertId];
        }
        return bySignal;
    }

    private static Dictionary<string, List<string>> Group(IEnumerable<byte[]> signals)
    {
        var byId = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (byte[] json in signals)
        {
            if (!JsonCanonicalizer.TryCanonicalize(json, QuarantineSignal.SignatureAttribute, out byte[] canonical))
                throw new InvalidDataException("a signal is not I-JSON: " + Encoding.UTF8.GetString(json));
            string id = Text(json, "id");
            if (!byId.TryGetValue(id, out var copies))
                byId[id] = copies = [];
            copies.Add(Encoding.UTF8.GetString(canonical));
        }
        return byId;
    }

    private static string Text(byte[] json, string name)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty(name).GetString()!;
    }
}
