using Detector.Simulation.Catalog.Roles;

namespace Detector.Simulation.Catalog;

/// <summary>The roles of the simulated fleet. Specs are immutable and their patterns pure, so one set serves every run.</summary>
internal static class FleetCatalog
{
    public static IReadOnlyList<RoleSpec> Roles { get; } =
    [
        TriageRole.Build(),
        CodeReviewRole.Build(),
        DataPipelineRole.Build(),
        SupportRole.Build(),
        DeployerRole.Build(),
        FinanceRole.Build(),
        AccessAdminRole.Build(),
    ];

    public static RoleSpec Role(string name) => Roles.FirstOrDefault(r => r.Name == name)
        ?? throw new InvalidOperationException($"no role {name}");
}
