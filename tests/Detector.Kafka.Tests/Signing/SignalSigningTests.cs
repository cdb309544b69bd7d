using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Domain.Wire;
using Detector.Pipeline.Enforcement.Signing;
using Xunit;

namespace Detector.Kafka.Tests.Signing;

public sealed class SignalSigningTests
{
    public static TheoryData<string> Algorithms => ["HS256", "ES256"];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void A_signed_signal_verifies_and_its_signature_is_a_detached_compact_jws_naming_the_key(string algorithm)
    {
        var options = TestKeys.Options("k1", ("k1", algorithm == "HS256" ? TestKeys.Hs256() : TestKeys.Es256()));
        var signed = new SignalSigner(KeyRing.Load(options)).Sign(Signal());

        var parts = signed.Signature!.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Empty(parts[1]);
        var header = JsonNode.Parse(Convert.FromBase64String(Pad(parts[0])))!;
        Assert.Equal(algorithm, (string?)header["alg"]);
        Assert.Equal("k1", (string?)header["kid"]);
        Assert.Equal(SignatureCheck.Valid, new SignalVerifier(KeyRing.Load(options)).Check(Json(signed)));
    }

    [Fact]
    public void Verification_does_not_depend_on_member_order_or_whitespace()
    {
        var options = TestKeys.Options("k1", ("k1", TestKeys.Hs256()));
        var signed = new SignalSigner(KeyRing.Load(options)).Sign(Signal());
        var reordered = JsonNode.Parse(Json(signed))!.AsObject();
        var shuffled = new JsonObject();
        foreach (var (name, value) in reordered.Reverse().ToList())
            shuffled[name] = value?.DeepClone();
        byte[] pretty = Encoding.UTF8.GetBytes(shuffled.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        Assert.Equal(SignatureCheck.Valid, new SignalVerifier(KeyRing.Load(options)).Check(pretty));
    }

    [Fact]
    public void A_changed_field_fails_verification()
    {
        var options = TestKeys.Options("k1", ("k1", TestKeys.Es256()));
        var signed = new SignalSigner(KeyRing.Load(options)).Sign(Signal());
        var tampered = JsonNode.Parse(Json(signed))!;
        tampered["data"]!["action"] = "release";

        Assert.Equal(SignatureCheck.BadSignature, new SignalVerifier(KeyRing.Load(options)).Check(Encoding.UTF8.GetBytes(tampered.ToJsonString())));
    }

    [Fact]
    public void A_signature_by_a_key_the_verifier_does_not_know_is_refused_as_unknown()
    {
        var signer = new SignalSigner(KeyRing.Load(TestKeys.Options("rogue", ("rogue", TestKeys.Hs256()))));
        var verifier = new SignalVerifier(KeyRing.Load(TestKeys.Options("k1", ("k1", TestKeys.Hs256()))));

        Assert.Equal(SignatureCheck.UnknownKey, verifier.Check(Json(signer.Sign(Signal()))));
    }

    [Fact]
    public void A_same_named_key_with_other_material_gives_a_bad_signature()
    {
        var signer = new SignalSigner(KeyRing.Load(TestKeys.Options("k1", ("k1", TestKeys.Hs256()))));
        var verifier = new SignalVerifier(KeyRing.Load(TestKeys.Options("k1", ("k1", TestKeys.Hs256()))));

        Assert.Equal(SignatureCheck.BadSignature, verifier.Check(Json(signer.Sign(Signal()))));
    }

    [Fact]
    public void After_rotation_signals_signed_with_the_old_and_the_new_key_both_verify_with_public_keys_only()
    {
        var old = TestKeys.Es256();
        var next = TestKeys.Es256();
        var before = new SignalSigner(KeyRing.Load(TestKeys.Options("2026-01", ("2026-01", old)))).Sign(Signal());
        var after = new SignalSigner(KeyRing.Load(TestKeys.Options("2026-02", ("2026-01", old), ("2026-02", next)))).Sign(Signal());
        var publicOnly = TestKeys.Options("", ("2026-01", new SigningKeyOptions { Algorithm = "ES256", PublicKey = old.PublicKey }),
            ("2026-02", new SigningKeyOptions { Algorithm = "ES256", PublicKey = next.PublicKey }));
        var verifier = new SignalVerifier(KeyRing.Load(publicOnly));

        Assert.Equal(SignatureCheck.Valid, verifier.Check(Json(before)));
        Assert.Equal(SignatureCheck.Valid, verifier.Check(Json(after)));
        Assert.Contains("2026-02", Encoding.UTF8.GetString(Convert.FromBase64String(Pad(after.Signature!.Split('.')[0]))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-jws")]
    [InlineData("a.b.c")]
    [InlineData("e30..AAAA")]
    [InlineData("..")]
    public void A_signature_that_is_not_a_detached_jws_is_malformed(string signature)
    {
        var verifier = new SignalVerifier(KeyRing.Load(TestKeys.Options("k1", ("k1", TestKeys.Hs256()))));
        Assert.Equal(SignatureCheck.Malformed, verifier.Check(Json(Signal() with { Signature = signature })));
    }

    [Fact]
    public void An_unsigned_signal_is_reported_as_missing_its_signature()
    {
        var verifier = new SignalVerifier(KeyRing.Load(TestKeys.Options("k1", ("k1", TestKeys.Hs256()))));
        Assert.Equal(SignatureCheck.Missing, verifier.Check(Json(Signal())));
    }

    [Fact]
    public void Configuration_without_the_active_key_is_refused_at_start()
    {
        var options = TestKeys.Options("missing", ("k1", TestKeys.Hs256()));
        Assert.Throws<ArgumentException>(() => options.Validate(forSigning: true));
        options.Validate(forSigning: false);
    }

    [Fact]
    public void A_short_hmac_secret_is_refused() =>
        Assert.Throws<ArgumentException>(() => KeyRing.Load(TestKeys.Options("k", ("k", new SigningKeyOptions { Algorithm = "HS256", Secret = Convert.ToBase64String(new byte[16]) }))));

    internal static QuarantineSignal Signal(string agent = "spiffe://corp.example/agent/a-1") => new(
        "9f5c2a0e-1111-8222-8333-444455556666",
        "agentdrift://test",
        EventTime.Parse("2026-03-01T09:15:02.25Z"),
        new QuarantineOrder(new AgentId(agent), new SessionId("s-1"), QuarantineAction.RevokeCredentials, ["cred-1", "cred-2"], ["a-1"],
            Severity.High, "exfiltration \"chain\" — é", EventTime.Parse("2027-03-02T09:15:02.25Z"), "m-1"));

    internal static byte[] Json(QuarantineSignal signal)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, ContractJson.WriterOptions))
            ContractJson.WriteSignal(w, signal);
        return stream.ToArray();
    }

    private static string Pad(string base64Url)
    {
        string s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
    }
}
