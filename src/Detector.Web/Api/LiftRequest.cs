namespace Detector.Web.Api;

/// <summary>POST /api/suppressions/{id}/lift: who lifts it.</summary>
public sealed record LiftRequest(string? Actor);
