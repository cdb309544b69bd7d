using System.IO.Compression;
using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Scoring.Profiles;
using Xunit;

namespace Detector.Scoring.Tests.Profiles;

public sealed class AgentProfileFormatTests
{
    // A profile written in format 3 (before transfers counted the sensitive reads before them), zlib-compressed:
    // agent spiffe://corp.example/agent/v3, group 2, 42 events in 7 sessions, one transfer of 1,000 bytes.
    private const string Format3 = "eNpjlisuyExLS7XS10/OLyrQS61IzC3ISdVPTE/NK9EvM2ZiAIEfW0543OOA0VoMEMDOgAIaGBlGwSgYWMCoAEucYBajw2iQ0AB8sE/58WTOhEXSDl0VLY9777pDgtmhHzO4WRiZZs0EgZ32EIEH9syjATj88yGjNZTFRM1qoWE0ZAc50IBGFAAQEyW+";

    [Fact]
    public void A_profile_written_in_format_3_reads_with_no_reads_before_transfer_counted_yet()
    {
        var profile = AgentProfile.Read(new BinaryReader(new ZLibStream(new MemoryStream(Convert.FromBase64String(Format3)), CompressionMode.Decompress)));

        Assert.Equal(new AgentId("spiffe://corp.example/agent/v3"), profile.Agent);
        Assert.Equal((2, 42L, 7L), (profile.Group, profile.Events, profile.Sessions));
        Assert.Equal(1000, profile.Transfers.Bytes.Typical, 1e-6);
        Assert.False(profile.Transfers.ReadsBeforeTransfer.IsTrusted);
    }

    // A profile written in format 4 (before transfer sizes were kept per tool), zlib-compressed: agent
    // spiffe://corp.example/agent/v4, group 2, twelve transfers of 1,000 bytes, each after 2 sensitive reads.
    private const string Format4 = "eNpjkSsuyExLS7XS10/OLyrQS61IzC3ISdVPTE/NK9EvM2FiAIEfW0543ONA0FhBAyPDKBgFAwsYFaAMdjCL0WE0SKgKuA/mBN3do+6Q8uPJnAmLpB26Kloe9951hwSzQ78DTg3czGurXk3+aN8guWrbSv/P9lBpBxZGplkzQWAnVOiBPfNoMA//fMpoDWUxUbPaaBgN2UEONKARBQA4VTO5";

    [Fact]
    public void A_profile_written_in_format_4_reads_with_no_sizes_kept_per_tool_yet()
    {
        var profile = AgentProfile.Read(new BinaryReader(new ZLibStream(new MemoryStream(Convert.FromBase64String(Format4)), CompressionMode.Decompress)));

        Assert.Equal(new AgentId("spiffe://corp.example/agent/v4"), profile.Agent);
        Assert.Equal(1000, profile.Transfers.Bytes.Typical, 1e-6);
        Assert.Equal(2, profile.Transfers.ReadsBeforeTransfer.Typical, 1e-6);
        Assert.False(profile.Transfers.BytesByTool.TryGet(Keys.Of("any.tool"), out _));
    }

    [Fact]
    public void A_profile_round_trips_with_its_reads_before_transfer()
    {
        var profile = new AgentProfile(new AgentId("spiffe://corp.example/agent/v4"), 1, EventTime.FromUnixMilliseconds(1_767_225_600_000));
        for (int i = 0; i < 20; i++)
        {
            profile.Transfers.ReadsBeforeTransfer.Observe(i % 3);
            profile.Transfers.BytesByTool.Observe(Keys.Of("mail.send"), 500);
        }
        var bytes = new MemoryStream();
        using (var w = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
            profile.Write(w);
        bytes.Position = 0;

        var copy = AgentProfile.Read(new BinaryReader(bytes));

        Assert.Equal(profile.Transfers.ReadsBeforeTransfer, copy.Transfers.ReadsBeforeTransfer);
        Assert.True(copy.Transfers.ReadsBeforeTransfer.IsTrusted);
        Assert.True(copy.Transfers.BytesByTool.TryGet(Keys.Of("mail.send"), out var sizes));
        Assert.Equal(500, sizes.Typical, 1e-6);
    }
}
