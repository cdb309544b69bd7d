using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Scoring.Engine;

namespace Detector.Pipeline.Tests.Support;

/// <summary>
/// A scoring shard whose verdict the input names: an event whose tool is a severity's wire name
/// ("medium", "high") raises one alert of that severity. For what lies after scoring (the quarantine
/// policy), where a test must control exactly which events alert.
/// </summary>
internal sealed class ScriptedShard : IScoringShard
{
    private readonly Dictionary<AgentId, EventTime> _highWater = [];

    public StateCounters Counters { get; } = new();

    public bool TryGetHighWater(AgentId agent, out EventTime highWater) => _highWater.TryGetValue(agent, out highWater);

    public void Process(ToolEvent e, EventTime detectedAt, ScoreResult result)
    {
        _highWater[e.Agent] = _highWater.TryGetValue(e.Agent, out var t) ? EventTime.Max(t, e.Time) : e.Time;
        result.Session = e.SessionKey;
        var severity = e.Tool switch
        {
            "medium" => Severity.Medium,
            "high" => Severity.High,
            "critical" => Severity.Critical,
            _ => Severity.None,
        };
        result.SessionRisk = severity == Severity.None ? 0.1 : 0.999;
        if (severity == Severity.None)
            return;
        result.AddAlert(new Alert($"alert-{e.EventId}", e.Time, detectedAt, e.Agent, e.Session, "scripted", severity, 0.999,
            [new EvidenceStep(e.EventId, e.Time, e.Tool, "read", "scripted")], "scripted alert", [], "test-model"));
    }
}
