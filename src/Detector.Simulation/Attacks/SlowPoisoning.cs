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
        // Doses double from a third of the campaign's base size, with a little jitter; the final send is the
        // payload, at least twice the last dose however the draw falls.
        double Dose(int dose) => 0.3 * Math.Pow(2, dose);
        double factor = assignment.IsFinalDose ? Math.Max(rng.LogNormal(12, 0.6), 2 * Dose(assignment.Dose - 1)) : Dose(assignment.Dose);
        send.Bytes = Math.Max(16, (long)Math.Round(campaign.BaseBytes * factor * rng.Uniform(0.9, 1.1)));
        context.AppendOrdinary(0, 2);
    }
}
