namespace Detector.Pipeline.Enforcement.Signing;

/// <summary>One JWS key (RFC 7515): its id, its algorithm, and the two operations.</summary>
public interface IJwsKey
{
    string KeyId { get; }

    /// <summary>The JWS "alg" value (RFC 7518 section 3.1).</summary>
    string Algorithm { get; }

    /// <summary>False for a verification-only key (an ES256 public key).</summary>
    bool CanSign { get; }

    byte[] Sign(ReadOnlySpan<byte> signingInput);

    bool Verify(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature);
}
