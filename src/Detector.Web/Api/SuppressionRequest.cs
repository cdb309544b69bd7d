namespace Detector.Web.Api;

/// <summary>
/// POST /api/suppressions: scope is agent, tool, destination or kind; the rule ends at expires_at, or
/// ttl_hours from now; actor and reason are audited.
/// </summary>
public sealed record SuppressionRequest(string? Scope, string? Value, DateTimeOffset? ExpiresAt, double? TtlHours, string? Actor, string? Reason);
