using Detector.Domain.Outputs;

namespace Detector.Scoring.Rules;

/// <summary>A rule reported at a step: which stage it reached and the session steps that matched, in order.</summary>
public readonly record struct RuleMatch(PolicyRule Rule, RuleStage Stage, IReadOnlyList<MatchedStep> Steps)
{
    /// <summary>The evidence to fuse: the rule's p-value, or its partial p-value at the partial stage.</summary>
    public double PValue => Stage == RuleStage.Completed ? Rule.PValue : Rule.PartialPValue.GetValueOrDefault(1);

    /// <summary>The floor the session's severity reaches: the rule's severity once completed, none before.</summary>
    public Severity Severity => Stage == RuleStage.Completed ? Rule.Severity : Severity.None;
}
