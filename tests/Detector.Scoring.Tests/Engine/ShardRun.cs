using Detector.Domain.Events;
using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Model;

namespace Detector.Scoring.Tests.Engine;

/// <summary>A detection engine's shard fed events one by one with event time as the clock, as replay does.</summary>
internal sealed class ShardRun
{
    private readonly ScoreResult _result = new();

    public ShardRun(DetectorModel model, EngineOptions? options = null)
    {
        options ??= new EngineOptions();
        Engine = new DetectionEngine(options, model, new InMemoryBindingTable(options));
        Shard = Engine.CreateShard();
    }

    public DetectionEngine Engine { get; }

    public EngineShard Shard { get; private set; }

    public List<Scored> Results { get; } = [];

    public ShardRun Feed(IEnumerable<ToolEvent> events)
    {
        foreach (var e in events)
        {
            _result.Clear();
            Shard.Process(e, e.Time, _result);
            Results.Add(new Scored(e.EventId, e.Session.Value, _result.SessionRisk, _result.Alerts.ToArray()));
        }
        return this;
    }

    /// <summary>Replaces the shard with a fresh one from the same engine (a restarted worker sharing the binding table).</summary>
    public EngineShard Restart()
    {
        Shard = Engine.CreateShard();
        return Shard;
    }

    public static List<Scored> Replay(DetectorModel model, byte[] jsonl) =>
        new ShardRun(model).Feed(EventLines.Parse(EventLines.Records(jsonl))).Results;
}
