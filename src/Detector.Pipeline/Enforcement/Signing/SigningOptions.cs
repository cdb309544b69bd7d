namespace Detector.Pipeline.Enforcement.Signing;

/// <summary>
/// Signing of quarantine signals. Keys rotate by <c>kid</c>: add the new key everywhere, switch
/// <see cref="ActiveKeyId"/> on the detectors, and remove the old key once the signals it signed have expired.
/// </summary>
public sealed class SigningOptions
{
    /// <summary>Sign every signal (detector) and require a valid signature (broker consumer). Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The <c>kid</c> the detector signs with; must name a key with private material.</summary>
    public string ActiveKeyId { get; set; } = "";

    /// <summary>Keys by <c>kid</c>: every key a verifier accepts, and the active one.</summary>
    public Dictionary<string, SigningKeyOptions> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <param name="forSigning">True for the detector, which must hold the active key's private material.</param>
    public void Validate(bool forSigning)
    {
        if (!Enabled)
            return;
        if (Keys.Count == 0)
            throw new ArgumentException("signing is enabled but no keys are configured", nameof(Keys));
        foreach (var (kid, key) in Keys)
        {
            if (string.IsNullOrWhiteSpace(kid))
                throw new ArgumentException("a signing key id must not be empty", nameof(Keys));
            if (key.Algorithm is not ("HS256" or "ES256"))
                throw new ArgumentException($"key '{kid}': algorithm must be HS256 or ES256, not '{key.Algorithm}'", nameof(Keys));
        }
        if (forSigning && !Keys.ContainsKey(ActiveKeyId))
            throw new ArgumentException($"ActiveKeyId '{ActiveKeyId}' names no configured key", nameof(ActiveKeyId));
    }
}
