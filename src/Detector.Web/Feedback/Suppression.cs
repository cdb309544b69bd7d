using Detector.Domain.Outputs;

namespace Detector.Web.Feedback;

/// <summary>
/// An analyst's rule that withholds matching alerts (and the signals they alone caused) until it
/// expires or is lifted. Expiry is compared with the alert's detection time: the wall clock in the
/// worker, the event time in replay.
/// </summary>
public sealed record Suppression(
    long Id,
    SuppressionScope Scope,
    string Value,
    DateTimeOffset ExpiresAt,
    string Actor,
    string Reason,
    DateTimeOffset At,
    DateTimeOffset? LiftedAt = null,
    string? LiftedBy = null)
{
    public bool IsActive(DateTimeOffset now) => LiftedAt is null && now < ExpiresAt;

    /// <param name="destination">The triggering event's destination, if it had one.</param>
    public bool Matches(Alert alert, string? destination) => Scope switch
    {
        SuppressionScope.Agent => alert.Agent.Value == Value,
        SuppressionScope.Tool => alert.Evidence.Count > 0 && alert.Evidence[^1].Tool == Value,
        SuppressionScope.Destination => destination == Value,
        _ => alert.Kind == Value,
    };
}
