using Detector.Simulation.Catalog;

namespace Detector.Simulation.Fleet;

/// <summary>One non-human identity of the fleet with its habits. Attackers hijack these; there are no special attack agents.</summary>
internal sealed class Agent
{
    public required int Index { get; init; }

    public required string Id { get; init; }

    public required RoleSpec Role { get; init; }

    /// <summary>Tenants the agent works for; the first is its home. Multi-tenant roles have several.</summary>
    public required IReadOnlyList<string> Tenants { get; init; }

    /// <summary>Humans who launch this agent's sessions.</summary>
    public required IReadOnlyList<string> Sponsors { get; init; }

    public required AgentPools Pools { get; init; }

    public required DestinationBook Destinations { get; init; }

    public required ActivityProfile Activity { get; init; }

    /// <summary>Usual sub-agents per child role name, favourite first.</summary>
    public Dictionary<string, IReadOnlyList<Agent>> Partners { get; } = [];

    public string HomeTenant => Tenants[0];

    public override string ToString() => Id;
}
