using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Randomness;
using Detector.Simulation.Schedule;
using Detector.Simulation.Sessions;

namespace Detector.Simulation.Attacks;

/// <summary>What a shaper works with: the hijacked agent, its ordinary workflow and the steps so far.</summary>
internal sealed class AttackContext(Agent agent, FleetRoster fleet, Rng rng, WorkflowSpec workflow, AttackAssignment assignment)
{
    private ToolSpec? _lastOrdinary;

    public Agent Agent { get; } = agent;

    public RoleSpec Role => Agent.Role;

    public FleetRoster Fleet { get; } = fleet;

    public Rng Rng { get; } = rng;

    public AttackAssignment Assignment { get; } = assignment;

    public List<Step> Steps { get; } = [];

    /// <summary>Appends <paramref name="min"/>..<paramref name="max"/> steps of the agent's ordinary workflow, continuing where it left off.</summary>
    public void AppendOrdinary(int min, int max)
    {
        int count = Rng.Between(min, max);
        if (count == 0)
            return;
        var tools = new List<ToolSpec>(count);
        if (_lastOrdinary is null)
            workflow.Walk(Rng, count, count, tools);
        else
            workflow.Continue(_lastOrdinary, Rng, count, count, tools);
        foreach (var tool in tools)
            Steps.Add(new Step(tool));
        if (tools.Count > 0)
            _lastOrdinary = tools[^1];
    }

    public Step Add(ToolSpec tool)
    {
        var step = new Step(tool);
        Steps.Add(step);
        return step;
    }
}
