using Detector.Domain.Events;
using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Schedule;

namespace Detector.Simulation.Attacks;

/// <summary>An agent of a role that rarely grants anything runs a string of grants with the fleet's own privilege tools; some are denied.</summary>
internal sealed class PrivilegeEscalation : IAttackShaper
{
    public AttackKind Kind => AttackKind.PrivilegeEscalation;

    public bool Accepts(RoleSpec role, FleetRoster fleet) => !role.GrantsPrivileges && AttackToolkit.FleetPrivilegeTools(fleet).Count > 0;

    public void Shape(AttackContext context)
    {
        var rng = context.Rng;
        var grants = AttackToolkit.FleetPrivilegeTools(context.Fleet);
        context.AppendOrdinary(2, 6);
        int count = rng.Between(2, 5);
        for (int i = 0; i < count - 1; i++)
            context.Add(rng.Pick(grants)).Outcome = rng.Chance(0.3) ? Outcome.Denied : Outcome.Success;
        AttackToolkit.MarkFinal(context.Add(rng.Pick(grants)));
        context.AppendOrdinary(0, 2);
    }
}
