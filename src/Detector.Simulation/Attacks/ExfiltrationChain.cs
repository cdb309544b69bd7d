using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Schedule;
using Detector.Simulation.Sessions;

namespace Detector.Simulation.Attacks;

/// <summary>Ordinary work, then a run of sensitive reads, then a send to a destination new to the agent (sometimes large).</summary>
internal sealed class ExfiltrationChain : IAttackShaper
{
    public AttackKind Kind => AttackKind.ExfiltrationChain;

    public bool Accepts(RoleSpec role, FleetRoster fleet) =>
        role.ExternalTransfers.Count > 0 && AttackToolkit.SensitiveReads(role).Count > 0;

    public void Shape(AttackContext context)
    {
        var rng = context.Rng;
        context.AppendOrdinary(2, 6);
        AttackToolkit.AddSensitiveReads(context, 3, 10);
        var send = AttackToolkit.MarkFinal(context.Add(rng.Pick(context.Role.ExternalTransfers)));
        send.Destination = DestinationChoice.Fresh;
        send.BytesFactor = rng.Chance(0.5) ? rng.LogNormal(15, 0.8) : 1;
        context.AppendOrdinary(0, 2);
    }
}
