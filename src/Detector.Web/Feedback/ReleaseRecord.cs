namespace Detector.Web.Feedback;

/// <summary>A quarantine lifted because an analyst marked its alert a false positive: which signal, by whom, when, why.</summary>
public sealed record ReleaseRecord(long Id, string SignalId, string AlertId, string Actor, string Reason, DateTimeOffset At);
