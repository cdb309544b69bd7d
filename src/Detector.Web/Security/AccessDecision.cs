namespace Detector.Web.Security;

/// <summary>Whether a request to /api or /metrics is answered.</summary>
public enum AccessDecision
{
    Allowed,
    /// <summary>The bearer token is missing or wrong (401).</summary>
    Unauthorized,
    /// <summary>The request reached a non-loopback address but no token is configured (403).</summary>
    Forbidden,
}
