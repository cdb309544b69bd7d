using Detector.Simulation.Catalog;

namespace Detector.Simulation.Fleet;

/// <summary>The built fleet: agents by role, the tenants they serve, and the mid-test tool rollout and tenant onboarding.</summary>
internal sealed class FleetRoster
{
    private readonly Dictionary<RoleSpec, IReadOnlyList<Agent>> _byRole;

    public FleetRoster(IReadOnlyList<Agent> agents, IReadOnlyList<string> tenants, RoleSpec rolloutRole, TenantOnboarding onboarding)
    {
        Agents = agents;
        Tenants = tenants;
        RolloutRole = rolloutRole;
        Onboarding = onboarding;
        _byRole = agents.GroupBy(a => a.Role).ToDictionary(g => g.Key, g => (IReadOnlyList<Agent>)g.ToArray());
    }

    public IReadOnlyList<Agent> Agents { get; }

    public IReadOnlyList<string> Tenants { get; }

    public RoleSpec RolloutRole { get; }

    public TenantOnboarding Onboarding { get; }

    /// <summary>Roles with at least one agent, in catalog order.</summary>
    public IEnumerable<RoleSpec> Roles => FleetCatalog.Roles.Where(_byRole.ContainsKey);

    public IReadOnlyList<Agent> OfRole(RoleSpec role) => _byRole.TryGetValue(role, out var agents) ? agents : [];

    public IReadOnlyList<Agent> OfRole(string role) => OfRole(FleetCatalog.Role(role));
}
