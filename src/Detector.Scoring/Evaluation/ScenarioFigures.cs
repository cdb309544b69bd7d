namespace Detector.Scoring.Evaluation;

/// <summary>A scenario's sessions, the model's figures on them and the one-rule baseline's.</summary>
public sealed record ScenarioFigures(string Scenario, int Sessions, DetectorFigures Model, DetectorFigures Baseline);
