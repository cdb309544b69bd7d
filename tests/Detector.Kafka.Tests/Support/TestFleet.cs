using System.Text.Json;
using Detector.Hosting.Configuration;
using Detector.Hosting.Jobs;
using Detector.Hosting.Worker;
using Detector.Pipeline.Sources;
using Detector.Scoring.Model;
using Detector.Simulation;
using Detector.TestSupport;

namespace Detector.Kafka.Tests.Support;

/// <summary>
/// One small simulated fleet (with attacks and a few garbled lines) and a model trained on its history,
/// generated once per test run and shared. Its test events lie in the past, so the worker's
/// future-time check never fires and a replay of the same lines is the reference output.
/// </summary>
internal sealed class TestFleet
{
    private static readonly Lazy<Task<TestFleet>> Shared = new(CreateAsync);

    private TestFleet(FleetData data, List<byte[]> lines, DetectorModel model, string modelDirectory)
    {
        Data = data;
        Lines = lines;
        Model = model;
        ModelDirectory = modelDirectory;
    }

    public static Task<TestFleet> Instance => Shared.Value;

    public FleetData Data { get; }

    /// <summary>events.jsonl, line by line (garbled lines included), as they are produced to the input topic.</summary>
    public List<byte[]> Lines { get; }

    public DetectorModel Model { get; }

    /// <summary>Each well-formed line's event id and its index in <see cref="Lines"/> (its offset when produced to one partition).</summary>
    public IReadOnlyDictionary<string, int> LineOf => _lineOf ??= IndexEventIds(Lines);

    private Dictionary<string, int>? _lineOf;

    /// <summary>The model saved for worker processes (removed with the test run's temp folder).</summary>
    public string ModelDirectory { get; }

    private static async Task<TestFleet> CreateAsync()
    {
        var today = DateTime.UtcNow.Date;
        var options = new SimulationOptions
        {
            Seed = 5,
            Agents = 24,
            HistoryDays = 4,
            TestDays = 2,
            AttackRate = 0.15,
            NoiseRate = 0.004,
            Start = new DateTimeOffset(today.AddDays(-8), TimeSpan.Zero),
        };
        using var history = new MemoryStream();
        using var events = new MemoryStream();
        new FleetSimulator(options).Run(history, events, Stream.Null);
        var data = new FleetData(history.ToArray(), events.ToArray());
        var lines = Split(events.ToArray());
        var settings = new DetectorSettings();
        var historyBytes = history.ToArray();
        var (model, _) = await new TrainJob(() => new JsonLinesSource(new MemoryStream(historyBytes, writable: false), "history", 65536), null, settings).RunAsync(CancellationToken.None);
        var dir = new TempDirectory("agentdrift-test-model");
        ModelStore.Save(model, dir.Path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => dir.Dispose();
        return new TestFleet(data, lines, model, dir.Path);
    }

    private static Dictionary<string, int> IndexEventIds(List<byte[]> lines)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            try
            {
                using var doc = JsonDocument.Parse(lines[i]);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("event_id", out var id)
                    && id.ValueKind == JsonValueKind.String)
                    index.TryAdd(id.GetString()!, i);
            }
            catch (JsonException)
            {
                // A garbled line: it has no event id to find.
            }
        }
        return index;
    }

    private static List<byte[]> Split(byte[] jsonl)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i <= jsonl.Length; i++)
        {
            if (i == jsonl.Length || jsonl[i] == '\n')
            {
                if (i > start)
                    lines.Add(jsonl[start..i]);
                start = i + 1;
            }
        }
        return lines;
    }
}
