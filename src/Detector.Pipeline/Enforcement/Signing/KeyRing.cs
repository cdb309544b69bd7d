using System.Security.Cryptography;

namespace Detector.Pipeline.Enforcement.Signing;

/// <summary>The configured JWS keys by <c>kid</c>, loaded once from <see cref="SigningOptions"/>.</summary>
public sealed class KeyRing
{
    private readonly Dictionary<string, IJwsKey> _keys;

    private KeyRing(Dictionary<string, IJwsKey> keys, string activeKeyId)
    {
        _keys = keys;
        ActiveKeyId = activeKeyId;
    }

    public string ActiveKeyId { get; }

    public bool TryGet(string keyId, out IJwsKey key) => _keys.TryGetValue(keyId, out key!);

    /// <summary>The key the detector signs with.</summary>
    public IJwsKey Active => _keys.TryGetValue(ActiveKeyId, out var key) && key.CanSign
        ? key
        : throw new InvalidOperationException($"signing key '{ActiveKeyId}' is not configured with private material");

    public static KeyRing Load(SigningOptions options)
    {
        var keys = new Dictionary<string, IJwsKey>(StringComparer.Ordinal);
        foreach (var (kid, key) in options.Keys)
            keys[kid] = key.Algorithm == "ES256" ? LoadEcdsa(kid, key) : LoadHmac(kid, key);
        return new KeyRing(keys, options.ActiveKeyId);
    }

    private static HmacSha256Key LoadHmac(string kid, SigningKeyOptions key)
    {
        string? text = key.Secret ?? (key.SecretFile is { } file ? File.ReadAllText(file).Trim() : null);
        if (string.IsNullOrEmpty(text))
            throw new ArgumentException($"key '{kid}': HS256 needs Secret or SecretFile");
        return new HmacSha256Key(kid, DecodeBase64(text));
    }

    private static EcdsaP256Key LoadEcdsa(string kid, SigningKeyOptions key)
    {
        var ecdsa = ECDsa.Create();
        bool canSign = key.PrivateKey is not null;
        string pem = Pem(key.PrivateKey ?? key.PublicKey
            ?? throw new ArgumentException($"key '{kid}': ES256 needs PrivateKey or PublicKey"));
        ecdsa.ImportFromPem(pem);
        if (ecdsa.KeySize != 256)
            throw new ArgumentException($"key '{kid}': ES256 needs a P-256 key, got {ecdsa.KeySize} bits");
        return new EcdsaP256Key(kid, ecdsa, canSign);
    }

    /// <summary>Standard base64 or base64url, padded or not: secrets are pasted from many tools.</summary>
    private static byte[] DecodeBase64(string text)
    {
        string normal = text.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        return Convert.FromBase64String(normal.PadRight(normal.Length + (4 - normal.Length % 4) % 4, '='));
    }

    /// <summary>PEM text as given, or read from the file the value names.</summary>
    private static string Pem(string value) => value.Contains("-----BEGIN", StringComparison.Ordinal) ? value : File.ReadAllText(value);
}
