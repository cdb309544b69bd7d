using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Kafka.Bindings;
using Detector.Scoring.Bindings;
using Xunit;

namespace Detector.Kafka.Tests.Bindings;

public sealed class BindingCodecTests
{
    private static readonly EventTime Noon = EventTime.Parse("2026-01-05T12:00:00Z");
    private static readonly SessionKey Owner = new(new AgentId("spiffe://corp.example/agent/pay-1"), new SessionId("s-1"));

    private static CredentialBinding Binding(EventTime lastUse, EventTime? expiresAt) =>
        new(Owner.Agent, CredentialBinding.SessionHash(Owner.Session), Noon, lastUse, expiresAt);

    [Fact]
    public void A_credential_binding_round_trips_with_its_id()
    {
        var binding = Binding(Noon + TimeSpan.FromMinutes(3), Noon + TimeSpan.FromMinutes(30));

        var entry = Assert.IsType<CredentialEntry>(BindingCodec.Read(BindingCodec.Key("cred_a"), BindingCodec.Value("cred_a", binding)));

        Assert.Equal("cred_a", entry.CredentialId);
        Assert.Equal(binding, entry.Binding);
    }

    [Fact]
    public void A_credential_without_expiry_round_trips_without_one()
    {
        var binding = Binding(Noon, null);

        var entry = Assert.IsType<CredentialEntry>(BindingCodec.Read(BindingCodec.Key("cred_b"), BindingCodec.Value("cred_b", binding)));

        Assert.Null(entry.Binding.ExpiresAt);
    }

    [Fact]
    public void A_session_binding_round_trips()
    {
        var binding = new SessionBinding(Owner, "payments", "pay approved invoices", null, Noon, Noon + TimeSpan.FromMinutes(9));

        Assert.Equal(binding, BindingCodec.Read(BindingCodec.Key(binding), BindingCodec.Value(binding)));
    }

    [Fact]
    public void An_adoption_round_trips_with_its_group_and_value()
    {
        var adoption = new Adoption(11, Noon, 22, Noon + TimeSpan.FromHours(1));

        var entry = Assert.IsType<AdoptionEntry>(BindingCodec.Read(BindingCodec.Key(7, 42), BindingCodec.Value(7, 42, adoption)));

        Assert.Equal(new AdoptionEntry(7, 42, adoption), entry);
    }

    [Fact]
    public void A_session_binding_of_the_previous_version_reads_with_its_group_unknown()
    {
        // Version 3 carried the writer's group index, which means nothing in another worker's table.
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write((byte)3);
            w.Write(Owner.Agent.Value);
            w.Write(Owner.Session.Value);
            w.Write(7);
            w.Write(true);
            w.Write("pay approved invoices");
            w.Write(false);
            w.Write("");
            w.Write(Noon.UtcTicks);
            w.Write(Noon.UtcTicks);
        }
        var expected = new SessionBinding(Owner, null, "pay approved invoices", null, Noon, Noon);

        Assert.Equal(expected, BindingCodec.Read(BindingCodec.Key(expected), stream.ToArray()));
    }

    [Fact]
    public void A_key_of_another_kind_is_skipped_and_an_unknown_version_refused()
    {
        byte[] value = BindingCodec.Value("cred_a", Binding(Noon, null));
        Assert.Null(BindingCodec.Read("x\nother"u8.ToArray(), value));

        value[0] = 99;
        Assert.Throws<InvalidDataException>(() => BindingCodec.Read(BindingCodec.Key("cred_a"), value));
    }
}
