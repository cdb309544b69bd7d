namespace Detector.Scoring.Rules;

/// <summary>
/// Packs a step's facts into 64 bits, one bit per field value: eight bits for each enum field (values
/// above 6 share bit 7, which no rule names), two for each flag (true, false). A step sets exactly one
/// bit in every group, so a rule step's conditions become one mask of forbidden bits and a match is
/// <c>(facts &amp; forbidden) == 0</c>: one AND for all conditions but the tool name.
/// </summary>
internal static class FactBits
{
    private const int FirstFlag = (int)FactField.ForeignTenant;
    private const int FlagShift = 8 * FirstFlag;

    public static ulong Of(in StepFacts f) =>
        Value(FactField.Action, (int)f.Action)
        | Value(FactField.Sensitivity, (int)f.Sensitivity)
        | Value(FactField.Outcome, (int)f.Outcome)
        | Value(FactField.Destination, (int)f.Destination)
        | Value(FactField.Credential, (int)f.Credential)
        | Flag(FactField.ForeignTenant, f.ForeignTenant)
        | Flag(FactField.Delegated, f.Delegated)
        | Flag(FactField.OutsideParentIntent, f.OutsideParentIntent)
        | Flag(FactField.LargeTransfer, f.LargeTransfer)
        | Flag(FactField.NewTool, f.NewTool)
        | Flag(FactField.Approval, f.HasApproval)
        | Flag(FactField.RareAction, f.RareAction)
        | Flag(FactField.GrowingDoses, f.GrowingDoses);

    /// <summary>The bit of value <paramref name="value"/> of an enum field.</summary>
    public static ulong Value(FactField field, int value) => 1UL << (8 * (int)field + Math.Min(value, 7));

    /// <summary>The bit of a flag field being <paramref name="value"/>.</summary>
    public static ulong Flag(FactField field, bool value) => 1UL << (FlagShift + 2 * ((int)field - FirstFlag) + (value ? 0 : 1));

    /// <summary>All bits of a field.</summary>
    public static ulong Group(FactField field) => field < FactField.ForeignTenant
        ? 0xFFUL << (8 * (int)field)
        : 0b11UL << (FlagShift + 2 * ((int)field - FirstFlag));
}
