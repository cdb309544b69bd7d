namespace Detector.Scoring.Rules;

/// <summary>The fields of <see cref="StepFacts"/> a rule step can constrain, in bit-layout order (see <see cref="FactBits"/>).</summary>
internal enum FactField : byte
{
    Action,
    Sensitivity,
    Outcome,
    Destination,
    Credential,
    ForeignTenant,
    Delegated,
    OutsideParentIntent,
    LargeTransfer,
    NewTool,
    Approval,
    RareAction,
    GrowingDoses,
}
