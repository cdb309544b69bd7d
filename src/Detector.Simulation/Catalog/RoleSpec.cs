using Detector.Domain.Events;

namespace Detector.Simulation.Catalog;

/// <summary>A peer group of agents: its tools, workflows, tenancy, daily rhythm and hand-overs.</summary>
internal sealed class RoleSpec
{
    public required string Name { get; init; }

    /// <summary>Words used in agent names; shared between roles on purpose, so a name does not give the role away.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>Kubernetes-style namespaces for SPIFFE IDs, also overlapping between roles.</summary>
    public required IReadOnlyList<string> Namespaces { get; init; }

    public required IReadOnlyList<ToolSpec> Tools { get; init; }

    public required IReadOnlyList<WorkflowSpec> Workflows { get; init; }

    /// <summary>The tool this role receives mid-test when it is the rollout role; absent from all history.</summary>
    public required ToolSpec RolloutTool { get; init; }

    /// <summary>Words for free-text arguments and messages.</summary>
    public required IReadOnlyList<string> Vocabulary { get; init; }

    /// <summary>Share of the fleet in this role.</summary>
    public required double FleetShare { get; init; }

    public required ActivityMix Activity { get; init; }

    public int MinTenants { get; init; } = 1;

    public int MaxTenants { get; init; } = 1;

    /// <summary>Roles that grant privileges as routine work; the others rarely or never do.</summary>
    public bool GrantsPrivileges { get; init; }

    /// <summary>Share of routine sessions that hand a sub-task to another agent.</summary>
    public double DelegationRate { get; init; }

    public IReadOnlyList<DelegationRoute> DelegatesTo { get; init; } = [];

    public ToolSpec Tool(string name) => Tools.FirstOrDefault(t => t.Name == name)
        ?? throw new InvalidOperationException($"role {Name} has no tool {name}");

    public WorkflowSpec Workflow(string name) => Workflows.FirstOrDefault(w => w.Name == name)
        ?? throw new InvalidOperationException($"role {Name} has no workflow {name}");

    public IReadOnlyList<WorkflowSpec> WorkflowsFor(WorkflowUse use) => Workflows.Where(w => w.Use == use).ToArray();

    public IEnumerable<ToolSpec> ToolsWith(ToolAction action) => Tools.Where(t => t.Action == action);

    /// <summary>Tools that move data or money out of the organisation.</summary>
    public IReadOnlyList<ToolSpec> ExternalTransfers => field ??= [.. Tools.Where(t => t.IsExternalTransfer)];

    public override string ToString() => Name;
}
