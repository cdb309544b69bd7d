namespace Detector.Simulation.Fleet;

/// <summary>The things an agent usually works on: a role-biased subset of the fleet's pools.</summary>
internal sealed class AgentPools
{
    public required IReadOnlyList<string> Repos { get; init; }

    public required IReadOnlyList<string> Services { get; init; }

    public required IReadOnlyList<string> Datasets { get; init; }

    public required IReadOnlyList<string> Tables { get; init; }

    public required IReadOnlyList<string> Spaces { get; init; }

    public required IReadOnlyList<string> Principals { get; init; }

    public required IReadOnlyList<string> Groups { get; init; }

    public required IReadOnlyList<string> Users { get; init; }

    public required IReadOnlyList<string> CloudAccounts { get; init; }

    public required IReadOnlyList<string> Envs { get; init; }
}
