using System.Net;
using Detector.Web.Security;
using Xunit;

namespace Detector.Web.Tests.Api;

public sealed class AccessPolicyTests
{
    private const string Token = "0123456789abcdef-token";

    public static TheoryData<string, string?, string?, AccessDecision> Cases => new()
    {
        { "127.0.0.1", null, null, AccessDecision.Allowed },
        { "::1", null, Token, AccessDecision.Allowed },
        { "10.1.2.3", null, null, AccessDecision.Forbidden },
        { "10.1.2.3", "Bearer " + Token, null, AccessDecision.Forbidden },
        { "10.1.2.3", null, Token, AccessDecision.Unauthorized },
        { "10.1.2.3", "Bearer wrong-token-0000000", Token, AccessDecision.Unauthorized },
        { "10.1.2.3", "Basic " + Token, Token, AccessDecision.Unauthorized },
        { "10.1.2.3", "Bearer " + Token, Token, AccessDecision.Allowed },
        { "10.1.2.3", "bearer  " + Token + " ", Token, AccessDecision.Allowed },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loopback_is_answered_and_any_other_address_needs_the_configured_bearer_token(string local, string? authorization, string? token, AccessDecision expected) =>
        Assert.Equal(expected, AccessPolicy.Decide(IPAddress.Parse(local), authorization, token));
}
