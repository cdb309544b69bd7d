namespace Detector.Pipeline.Enforcement.Signing;

/// <summary>The outcome of verifying a signal's signature. Values are logged and counted: never renumber.</summary>
public enum SignatureCheck : byte
{
    Valid = 0,
    /// <summary>The signal carries no signature attribute.</summary>
    Missing = 1,
    /// <summary>Not a compact JWS with detached payload, or its header or the signal is not valid JSON.</summary>
    Malformed = 2,
    /// <summary>The <c>kid</c> names no configured key (or the header's <c>alg</c> is not that key's).</summary>
    UnknownKey = 3,
    /// <summary>The signature does not match the canonical signal.</summary>
    BadSignature = 4,
}
