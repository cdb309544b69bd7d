using System.Text.Json;
using Detector.Domain.Events;
using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Evaluation;
using Detector.Scoring.Model;
using Detector.Scoring.Training;
using Detector.Simulation;

namespace Detector.Scoring.Tests.Quality;

/// <summary>
/// A fleet from <see cref="FleetSimulator"/>, simulated into memory: its history, test events and labels,
/// a model trained on the history the way `detector train` does (both passes fed in file order through
/// the CLI's admission), and replays of the test events through a shard of a detection engine.
/// </summary>
internal sealed class SimulatedFleet
{
    public SimulatedFleet(SimulationOptions options)
    {
        Options = options;
        using var history = new MemoryStream();
        using var events = new MemoryStream();
        using var labels = new MemoryStream();
        new FleetSimulator(options).Run(history, events, labels);
        History = history.ToArray();
        Events = events.ToArray();
        Labels = Admission.Records(labels.ToArray()).Select(r => Label(r.Record.Span)).ToList();
    }

    public SimulationOptions Options { get; }

    public byte[] History { get; }

    public byte[] Events { get; }

    public IReadOnlyList<SessionLabel> Labels { get; }

    public IEnumerable<SessionLabel> Malicious => Labels.Where(l => l.IsMalicious);

    public DetectorModel Train(EngineOptions options)
    {
        var trainer = new Trainer(options);
        Feed(trainer.FirstPass(), History);
        Feed(trainer.SecondPass(), History);
        return trainer.Finish();
    }

    /// <summary>Replays the test events through a fresh engine over <paramref name="model"/>; <paramref name="observe"/> sees each applied event after scoring.</summary>
    public FleetReplay Replay(DetectorModel model, EngineOptions options, Action<ToolEvent, ScoreResult, EngineShard>? observe = null)
    {
        var engine = new DetectionEngine(options, model, new InMemoryBindingTable(options));
        var shard = engine.CreateShard();
        var replay = new FleetReplay(engine);
        var admission = new Admission();
        var e = new ToolEvent();
        var result = new ScoreResult();
        foreach (var (position, record) in Admission.Records(Events))
        {
            if (!admission.TryParse(record, e))
                continue;
            replay.Parsed(e, position);
            if (!admission.Admit(e, shard))
                continue;
            result.Clear();
            shard.Process(e, e.Time, result);
            replay.Scored(e, position, result);
            observe?.Invoke(e, result, shard);
        }
        return replay;
    }

    private static void Feed(IScoringShard shard, byte[] jsonl)
    {
        var admission = new Admission();
        var e = new ToolEvent();
        var result = new ScoreResult();
        foreach (var (_, record) in Admission.Records(jsonl))
        {
            if (!admission.TryParse(record, e) || !admission.Admit(e, shard))
                continue;
            result.Clear();
            shard.Process(e, e.Time, result);
        }
    }

    private static SessionLabel Label(ReadOnlySpan<byte> json)
    {
        var r = JsonDocument.Parse(json.ToArray()).RootElement;
        return new SessionLabel(
            r.GetProperty("session_id").GetString()!,
            r.GetProperty("agent_id").GetString()!,
            r.GetProperty("label").GetString() == "malicious",
            r.GetProperty("scenario").GetString()!,
            r.GetProperty("final_event_id").ValueKind == JsonValueKind.String ? r.GetProperty("final_event_id").GetString() : null);
    }
}
