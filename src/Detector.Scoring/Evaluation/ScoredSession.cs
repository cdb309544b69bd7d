namespace Detector.Scoring.Evaluation;

/// <summary>
/// What a detector made of one session: its score (for ranking), whether it was flagged (an alert of
/// medium or higher), and the input position of the earliest flagging alert's triggering event.
/// </summary>
public sealed record ScoredSession(string SessionId, double Score, bool Flagged, long? FirstFlagPosition);
