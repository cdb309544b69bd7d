using Detector.Domain.Time;
using Detector.Simulation.Fleet;

namespace Detector.Simulation.Schedule;

/// <summary>A session the schedule asks for: who, when, which benign shape, and possibly a hijack.</summary>
internal sealed class SessionPlan(Agent agent, EventTime start, int day, bool isTest, BenignVariation variation, ulong key)
{
    public Agent Agent { get; } = agent;

    public EventTime Start { get; } = start;

    public int Day { get; } = day;

    /// <summary>In the test period: written to events.jsonl and labelled.</summary>
    public bool IsTest { get; } = isTest;

    public BenignVariation Variation { get; } = variation;

    /// <summary>Keys the session's own random stream, so each session is reproducible on its own.</summary>
    public ulong Key { get; } = key;

    public AttackAssignment? Attack { get; set; }
}
