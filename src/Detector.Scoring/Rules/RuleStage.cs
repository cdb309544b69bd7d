namespace Detector.Scoring.Rules;

/// <summary>How far a rule's pattern got when it was reported.</summary>
public enum RuleStage : byte
{
    /// <summary>All but the last step matched: early evidence (<see cref="PolicyRule.PartialPValue"/>).</summary>
    Partial = 0,
    /// <summary>The whole pattern matched.</summary>
    Completed = 1,
}
