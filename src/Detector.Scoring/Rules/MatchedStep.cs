namespace Detector.Scoring.Rules;

/// <summary>A session step that matched a rule's pattern, with the facts it matched on (for the alert's evidence list).</summary>
public readonly record struct MatchedStep(int Step, StepFacts Facts);
