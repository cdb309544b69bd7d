namespace Detector.Scoring.Evaluation;

/// <summary>
/// What `detector evaluate` measures. A session is flagged when it has an alert of medium or higher
/// severity. Per-scenario precision is measured against every benign session (as if the scenario
/// were the only attack); "early" is the share of labelled chains flagged by an alert whose evidence
/// ends before the label's final (damaging) event, over the labels that name one (multi-step chains).
/// Scenarios in <see cref="ApartScenarios"/> appear per scenario but not in the overall figures.
/// </summary>
public sealed record EvaluationReport(
    string ModelVersion,
    int BenignSessions,
    int MaliciousSessions,
    DetectorFigures Model,
    DetectorFigures Baseline,
    double ModelBenignFlagsPer1000,
    double BaselineBenignFlagsPer1000,
    int RolloutSessions,
    int RolloutSessionsFlagged,
    IReadOnlyList<ScenarioFigures> Scenarios,
    IReadOnlyList<string> ApartScenarios,
    IReadOnlyList<(double Fpr, double Tpr)> ModelRoc,
    IReadOnlyList<(double Fpr, double Tpr)> BaselineRoc,
    IReadOnlyList<(double Recall, double Precision)> ModelPr,
    IReadOnlyList<(double Recall, double Precision)> BaselinePr);
