using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Detector.Web.Security;

/// <summary>
/// Loopback by default; beyond it, a bearer token. A connection that arrived on a loopback address
/// came from this machine and is answered; any other needs "Authorization: Bearer &lt;token&gt;" equal
/// to the configured token (compared in constant time), and with no token configured it is refused,
/// so binding to 0.0.0.0 without a token exposes nothing.
/// </summary>
public static class AccessPolicy
{
    public static AccessDecision Decide(IPAddress? localAddress, string? authorization, string? token)
    {
        if (localAddress is not null && IPAddress.IsLoopback(localAddress))
            return AccessDecision.Allowed;
        if (token is null)
            return AccessDecision.Forbidden;
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return AccessDecision.Unauthorized;
        var presented = Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? AccessDecision.Allowed : AccessDecision.Unauthorized;
    }
}
