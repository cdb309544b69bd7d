namespace Detector.Web.Api;

/// <summary>POST /api/feedback: verdict is "confirmed" or "false_positive"; actor and reason are audited.</summary>
public sealed record VerdictRequest(string? AlertId, string? Verdict, string? Actor, string? Reason);
