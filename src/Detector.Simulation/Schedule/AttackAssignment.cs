namespace Detector.Simulation.Schedule;

/// <summary>
/// Turns a planned session into an attack. <see cref="Variant"/> picks a sub-form (e.g. which kind of
/// credential misuse); for slow poisoning, <see cref="Dose"/> counts up to the campaign's final send.
/// </summary>
internal sealed record AttackAssignment(AttackKind Kind, int Variant, PoisonCampaign? Campaign = null, int Dose = 0)
{
    public bool IsFinalDose => Campaign is not null && Dose >= Campaign.Doses;

    /// <summary>A campaign session before the final one.</summary>
    public bool IsPoisoningDose => Campaign is not null && !IsFinalDose;
}
