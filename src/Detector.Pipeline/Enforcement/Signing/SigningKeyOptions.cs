namespace Detector.Pipeline.Enforcement.Signing;

/// <summary>
/// One signing key, named by its <c>kid</c> in <see cref="SigningOptions.Keys"/>. HS256 takes a shared
/// secret; ES256 takes a P-256 key pair (PEM: PKCS#8 or SEC1 private key, SPKI public key), where the
/// detector needs the private key and the broker side only the public one.
/// </summary>
public sealed class SigningKeyOptions
{
    /// <summary>"HS256" (HMAC SHA-256) or "ES256" (ECDSA P-256 SHA-256), RFC 7518 section 3.</summary>
    public string Algorithm { get; set; } = "HS256";

    /// <summary>HS256: the shared secret, base64 (at least 32 bytes decoded).</summary>
    public string? Secret { get; set; }

    /// <summary>HS256: a file holding the base64 secret, instead of <see cref="Secret"/>.</summary>
    public string? SecretFile { get; set; }

    /// <summary>ES256: the private key in PEM, or a path to a PEM file.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>ES256: the public key in PEM, or a path to a PEM file (derived from the private key when absent).</summary>
    public string? PublicKey { get; set; }
}
