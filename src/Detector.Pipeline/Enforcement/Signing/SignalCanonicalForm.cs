using System.Text.Json;
using Detector.Domain.Outputs;
using Detector.Domain.Wire;

namespace Detector.Pipeline.Enforcement.Signing;

/// <summary>
/// What a signal's signature covers: the RFC 8785 canonical JSON of the whole CloudEvent without its
/// signature attribute. The signer and the verifier both derive it from JSON text, so it does not
/// depend on how either side orders or escapes its output.
/// </summary>
public static class SignalCanonicalForm
{
    public static byte[] Of(QuarantineSignal signal)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, ContractJson.WriterOptions))
            ContractJson.WriteSignal(w, signal, includeSignature: false);
        return JsonCanonicalizer.TryCanonicalize(stream.GetBuffer().AsSpan(0, (int)stream.Length), null, out byte[] canonical)
            ? canonical
            : throw new InvalidOperationException($"signal {signal.Id} does not serialise to I-JSON");
    }

    /// <summary>The canonical form of received signal JSON and its signature attribute (null when absent); false when not I-JSON.</summary>
    public static bool TryOf(ReadOnlySpan<byte> json, out byte[] canonical, out string? signature)
    {
        signature = null;
        if (!JsonCanonicalizer.TryCanonicalize(json, QuarantineSignal.SignatureAttribute, out canonical))
            return false;
        var reader = new Utf8JsonReader(json);
        try
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.TryGetProperty(QuarantineSignal.SignatureAttribute, out var sig))
            {
                if (sig.ValueKind != JsonValueKind.String)
                    return false;
                signature = sig.GetString();
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
