using Detector.Domain.Events;
using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Schedule;
using Detector.Simulation.Sessions;

namespace Detector.Simulation.Attacks;

/// <summary>
/// Shapes the CHILD session of a hand-over: it starts on the delegated task, then grants privileges
/// (if its role has privilege tools) or moves data out, neither of which the parent's intent asked for.
/// Half the sends go to the child's usual destinations, so novelty alone does not reveal it.
/// </summary>
internal sealed class DelegationLaundering : IAttackShaper
{
    public AttackKind Kind => AttackKind.DelegationLaundering;

    /// <summary>Checked against the parent's role: it must hand over to a role that can grant or send.</summary>
    public bool Accepts(RoleSpec role, FleetRoster fleet) =>
        role.DelegatesTo.Any(route => fleet.OfRole(route.ChildRole).Count > 0 && CanLaunder(FleetCatalog.Role(route.ChildRole)));

    public static bool CanLaunder(RoleSpec childRole) =>
        childRole.ToolsWith(ToolAction.Privilege).Any() || childRole.ExternalTransfers.Count > 0;

    public void Shape(AttackContext context)
    {
        var rng = context.Rng;
        context.AppendOrdinary(2, 5);
        var grants = context.Role.ToolsWith(ToolAction.Privilege).ToArray();
        if (grants.Length > 0)
        {
            int count = rng.Between(1, 3);
            for (int i = 0; i < count - 1; i++)
                context.Add(rng.Pick(grants));
            AttackToolkit.MarkFinal(context.Add(rng.Pick(grants)));
        }
        else
        {
            AttackToolkit.AddSensitiveReads(context, 1, 4);
            var send = AttackToolkit.MarkFinal(context.Add(rng.Pick(context.Role.ExternalTransfers)));
            send.Destination = rng.Chance(0.5) ? DestinationChoice.Fresh : DestinationChoice.Usual;
            send.BytesFactor = rng.LogNormal(8, 0.8);
        }
        context.AppendOrdinary(0, 1);
    }
}
