using Detector.Simulation.Catalog;
using Detector.Simulation.Fleet;
using Detector.Simulation.Schedule;
using Detector.Simulation.Sessions;

namespace Detector.Simulation.Attacks;

/// <summary>
/// One dose of a campaign: ordinary work plus a small send to the campaign's destination, doubling
/// in size each time, so the destination becomes "usual"; the last session reads sensitive data and
/// sends a large transfer there. Every session of the campaign is labelled, its send being final.
/// </summary>
internal sealed class SlowPoisoning : IAttackShaper
{
    public AttackKind Kind => AttackKind.SlowPoisoning;

    public bool Accepts(RoleSpec role, FleetRoster fleet) => role.ExternalTransfers.Count > 0;

    public void Shape(AttackContext context)
    {
        var rng = context.Rng;
        var assignment = context.Assignment;
        var campaign = assignment.Campaign ?? throw new InvalidOperationException("slow poisoning needs a campaign");
        context.AppendOrdinary(2, 6);
        if (assignment.IsFinalDose)
            AttackToolkit.AddSensitiveReads(context, 2, 6);
        var send = assignment.IsFinalDose ? AttackToolkit.MarkFinal(context.Add(campaign.Tool)) : AttackToolkit.MarkSingleStep(context.Add(campaign.Tool));
        send.Destination = DestinationChoice.Fixed;
        send.FixedDestination = campaign.Destination;
        send.BytesFactor = assignment.IsFinalDose ? rng.LogNormal(12, 0.6) : 0.3 * Math.Pow(2, assignment.Dose);
        context.AppendOrdinary(0, 2);
    }
}
