namespace Detector.Web.Api;

/// <summary>Why a request failed, for the dashboard to show.</summary>
public sealed record ApiError(string Error);
