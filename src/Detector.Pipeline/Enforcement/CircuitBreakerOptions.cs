namespace Detector.Pipeline.Enforcement;

/// <summary>
/// The global brake on automated enforcement: a detector bug or a poisoned model must not revoke a
/// whole fleet. Past <see cref="MaxQuarantinesPerMinute"/> the breaker opens, every signal is withheld
/// and one critical alert asks humans to look.
/// </summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>
    /// Credential revocations and agent quarantines allowed in any one minute (wall clock in the worker,
    /// event time in replay) before the breaker opens. Zero turns the breaker off. Default 30.
    /// </summary>
    public int MaxQuarantinesPerMinute { get; set; } = 30;

    /// <summary>How long the breaker stays open before enforcement resumes on its own. Default 15 minutes.</summary>
    public TimeSpan OpenFor { get; set; } = TimeSpan.FromMinutes(15);

    public void Validate()
    {
        if (MaxQuarantinesPerMinute < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxQuarantinesPerMinute), MaxQuarantinesPerMinute, "must not be negative");
        if (OpenFor <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(OpenFor), OpenFor, "must be positive");
    }
}
