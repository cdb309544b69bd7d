using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Detector.Pipeline.Enforcement.Signing;

/// <summary>
/// Compact JWS with a detached payload (RFC 7515 appendix F): the serialisation is
/// <c>BASE64URL(header) + ".." + BASE64URL(signature)</c>, and the signing input is the usual
/// <c>BASE64URL(header) + "." + BASE64URL(payload)</c> (section 5.1) with the payload supplied by the
/// verifier. The protected header carries <c>alg</c> and <c>kid</c> so keys can rotate.
/// </summary>
public static class DetachedJws
{
    public static string Sign(IJwsKey key, ReadOnlySpan<byte> payload)
    {
        string header = Base64Url.EncodeToString(Header(key));
        byte[] signature = key.Sign(SigningInput(header, payload));
        return header + ".." + Base64Url.EncodeToString(signature);
    }

    public static SignatureCheck Verify(KeyRing keys, string jws, ReadOnlySpan<byte> payload)
    {
        int first = jws.IndexOf('.', StringComparison.Ordinal);
        if (first <= 0 || first + 1 >= jws.Length || jws[first + 1] != '.' || jws.IndexOf('.', first + 2) >= 0)
            return SignatureCheck.Malformed;
        string header = jws[..first];
        if (!TryDecode(header, out byte[] headerJson) || !TryDecode(jws[(first + 2)..], out byte[] signature)
            || !TryReadHeader(headerJson, out string alg, out string kid))
            return SignatureCheck.Malformed;
        if (!keys.TryGet(kid, out var key) || key.Algorithm != alg)
            return SignatureCheck.UnknownKey;
        return key.Verify(SigningInput(header, payload), signature) ? SignatureCheck.Valid : SignatureCheck.BadSignature;
    }

    private static byte[] Header(IJwsKey key)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("alg", key.Algorithm);
            w.WriteString("kid", key.KeyId);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static byte[] SigningInput(string encodedHeader, ReadOnlySpan<byte> payload)
    {
        int payloadLength = Base64Url.GetEncodedLength(payload.Length);
        var input = new byte[encodedHeader.Length + 1 + payloadLength];
        Encoding.ASCII.GetBytes(encodedHeader, input);
        input[encodedHeader.Length] = (byte)'.';
        Base64Url.EncodeToUtf8(payload, input.AsSpan(encodedHeader.Length + 1));
        return input;
    }

    private static bool TryDecode(string text, out byte[] data)
    {
        data = [];
        if (text.Length == 0 || !Base64Url.IsValid(text))
            return false;
        data = Base64Url.DecodeFromChars(text);
        return true;
    }

    private static bool TryReadHeader(byte[] json, out string alg, out string kid)
    {
        alg = kid = "";
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("alg", out var a) || a.ValueKind != JsonValueKind.String
                || !doc.RootElement.TryGetProperty("kid", out var k) || k.ValueKind != JsonValueKind.String)
                return false;
            alg = a.GetString()!;
            kid = k.GetString()!;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
