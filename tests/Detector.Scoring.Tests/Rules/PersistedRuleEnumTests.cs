using Detector.Scoring.Rules;
using Xunit;

namespace Detector.Scoring.Tests.Rules;

/// <summary>These values are written into session checkpoints: changing one breaks restoring them.</summary>
public sealed class PersistedRuleEnumTests
{
    [Fact]
    public void Destination_classes_keep_their_numbers()
    {
        Assert.Equal(
            [(DestinationClass.None, 0), (DestinationClass.Established, 1), (DestinationClass.Young, 2), (DestinationClass.NewForAgent, 3), (DestinationClass.NewForPeers, 4)],
            Enum.GetValues<DestinationClass>().Select(v => (v, (int)v)));
    }

    [Fact]
    public void Credential_statuses_keep_their_numbers()
    {
        Assert.Equal(
            [(CredentialStatus.None, 0), (CredentialStatus.Valid, 1), (CredentialStatus.Expired, 2), (CredentialStatus.Foreign, 3), (CredentialStatus.Stale, 4)],
            Enum.GetValues<CredentialStatus>().Select(v => (v, (int)v)));
    }
}
