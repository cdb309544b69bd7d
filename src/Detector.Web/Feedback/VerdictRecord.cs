using Detector.Domain.Identity;

namespace Detector.Web.Feedback;

/// <summary>
/// One analyst verdict as stored: who judged which alert, when and why, with the alert itself (contract
/// JSON) so a false positive can be exported with its session and evidence events for retraining.
/// </summary>
public sealed record VerdictRecord(
    long Id,
    string AlertId,
    AgentId Agent,
    SessionId Session,
    Verdict Verdict,
    string Actor,
    string Reason,
    DateTimeOffset At,
    string AlertJson);
