using System.Security.Cryptography;

namespace Detector.Pipeline.Enforcement.Signing;

/// <summary>
/// ES256 (RFC 7518 section 3.4): ECDSA over P-256 with SHA-256; the signature is R || S, 32 bytes
/// each (the IEEE P1363 layout .NET produces for SignData).
/// </summary>
internal sealed class EcdsaP256Key(string keyId, ECDsa key, bool canSign) : IJwsKey
{
    public string KeyId { get; } = keyId;

    public string Algorithm => "ES256";

    public bool CanSign { get; } = canSign;

    public byte[] Sign(ReadOnlySpan<byte> signingInput) =>
        key.SignData(signingInput, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public bool Verify(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature) =>
        signature.Length == 64 && key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}
