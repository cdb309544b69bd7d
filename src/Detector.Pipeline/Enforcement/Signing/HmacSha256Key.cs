using System.Security.Cryptography;

namespace Detector.Pipeline.Enforcement.Signing;

/// <summary>HS256 (RFC 7518 section 3.2): HMAC SHA-256 with a shared secret of at least 256 bits.</summary>
internal sealed class HmacSha256Key : IJwsKey
{
    private readonly byte[] _secret;

    public HmacSha256Key(string keyId, byte[] secret)
    {
        // RFC 7518 3.2: a key of the same size as the hash output or larger MUST be used.
        if (secret.Length < 32)
            throw new ArgumentException($"key '{keyId}': an HS256 secret needs at least 32 bytes, got {secret.Length}");
        KeyId = keyId;
        _secret = secret;
    }

    public string KeyId { get; }

    public string Algorithm => "HS256";

    public bool CanSign => true;

    public byte[] Sign(ReadOnlySpan<byte> signingInput) => HMACSHA256.HashData(_secret, signingInput);

    public bool Verify(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(_secret, signingInput, expected);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }
}
