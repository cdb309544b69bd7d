using System.Text.Json.Nodes;
using Detector.Domain.Events;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;
using Detector.Scoring.Training;
using Detector.Simulation;

namespace Detector.Scoring.Tests.Engine;

/// <summary>
/// A small seeded fleet with raised attack rate and a model trained on its history (both passes fed
/// event by event), built once and shared by the engine tests.
/// </summary>
internal sealed class Fleet
{
    private static readonly Lazy<Fleet> Shared = new(() => new Fleet(new SimulationOptions
    {
        Seed = 5, Agents = 14, HistoryDays = 3, TestDays = 1, AttackRate = 0.1,
    }));

    public Fleet(SimulationOptions options)
    {
        var history = new MemoryStream();
        var events = new MemoryStream();
        var labels = new MemoryStream();
        new FleetSimulator(options).Run(history, events, labels);
        History = history.ToArray();
        Events = events.ToArray();
        MaliciousSessions = EventLines.Records(labels.ToArray())
            .Select(l => JsonNode.Parse(l)!)
            .Where(l => l["label"]!.GetValue<string>() == "malicious")
            .Select(l => l["session_id"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        Model = Train(History);
    }

    public static Fleet Instance => Shared.Value;

    public byte[] History { get; }

    public byte[] Events { get; }

    public DetectorModel Model { get; }

    /// <summary>Session ids the simulator labelled malicious.</summary>
    public IReadOnlySet<string> MaliciousSessions { get; }

    /// <summary>The test events, each a copy that outlives parsing.</summary>
    public List<ToolEvent> TestEvents() => EventLines.Parse(EventLines.Records(Events)).Select(Copy).ToList();

    public static ToolEvent Copy(ToolEvent e)
    {
        var copy = new ToolEvent();
        e.CopyTo(copy);
        return copy;
    }

    public static DetectorModel Train(byte[] history, EngineOptions? options = null)
    {
        var trainer = new Trainer(options ?? new EngineOptions());
        Feed(trainer.FirstPass(), history);
        Feed(trainer.SecondPass(), history);
        return trainer.Finish();
    }

    private static void Feed(IScoringShard shard, byte[] history)
    {
        var result = new ScoreResult();
        foreach (var e in EventLines.Parse(EventLines.Records(history)))
        {
            result.Clear();
            shard.Process(e, e.Time, result);
        }
    }
}
