using Detector.Domain.Events;
using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Schedule;

namespace Detector.Simulation.Attacks;

/// <summary>
/// The agent starts reading another tenant's data (with its own tenant-scoped tools, or, for roles
/// without any, with resource patterns its role never touches) and then writes or sends across the tenant line.
/// </summary>
internal sealed class ScopeDrift : IAttackShaper
{
    public AttackKind Kind => AttackKind.ScopeDrift;

    // One tenant more than the role can serve, and one more that may be mid-onboarding for the agent.
    public bool Accepts(RoleSpec role, FleetRoster fleet) => fleet.Tenants.Count > role.MaxTenants + 1
        && AttackToolkit.TenantScoped(role, fleet, ToolAction.Read).Count > 0
        && AttackToolkit.TenantScoped(role, fleet, ToolAction.Write, ToolAction.Transfer).Count > 0;

    public void Shape(AttackContext context)
    {
        var rng = context.Rng;
        var onboarding = context.Fleet.Onboarding;
        var foreign = context.Fleet.Tenants
            .Where(t => !context.Agent.Tenants.Contains(t) && !(t == onboarding.Tenant && onboarding.Agents.Contains(context.Agent)))
            .ToList();
        string tenant = rng.Pick(foreign);
        var reads = AttackToolkit.TenantScoped(context.Role, context.Fleet, ToolAction.Read);
        var writes = AttackToolkit.TenantScoped(context.Role, context.Fleet, ToolAction.Write, ToolAction.Transfer);
        context.AppendOrdinary(2, 5);
        int count = rng.Between(2, 6);
        for (int i = 0; i < count; i++)
            context.Add(rng.Pick(reads)).Tenant = tenant;
        AttackToolkit.MarkFinal(context.Add(rng.Pick(writes))).Tenant = tenant;
        context.AppendOrdinary(0, 2);
    }
}
