using Detector.Domain.Outputs;
using Detector.Web.ReadModel;

namespace Detector.Web.Feedback;

/// <summary>
/// Applies analyst feedback: stores it (audited), puts suppressions in force at once, and when an alert
/// is marked a false positive, releases every quarantine it caused through the host's publisher before
/// recording the release (a failed send leaves it unrecorded, so the analyst can retry).
/// </summary>
public sealed class FeedbackService
{
    public const int MaxActorLength = 200;
    public const int MaxReasonLength = 2000;

    private readonly FeedbackStore _store;
    private readonly SuppressionFilter _filter;
    private readonly DashboardReadModel _readModel;
    private readonly ReleasePublisher? _release;
    private readonly TimeProvider _time;

    public FeedbackService(FeedbackStore store, SuppressionFilter filter, DashboardReadModel readModel, ReleasePublisher? release, TimeProvider time)
    {
        _store = store;
        _filter = filter;
        _readModel = readModel;
        _release = release;
        _time = time;
        _filter.Replace(store.Suppressions());
    }

    public FeedbackStore Store => _store;

    /// <summary>Null when the alert is not among those the dashboard holds.</summary>
    public async Task<VerdictOutcome?> JudgeAsync(string alertId, Verdict verdict, string actor, string reason, CancellationToken cancellationToken)
    {
        CheckAudit(actor, reason);
        var snapshot = _readModel.Snapshot;
        if (!snapshot.AlertsById.TryGetValue(alertId, out var alert))
            return null;
        var record = _store.AddVerdict(alert, verdict, actor, reason, _time.GetUtcNow());
        var releases = new List<ReleaseRecord>();
        if (verdict == Verdict.FalsePositive && _release is not null)
        {
            foreach (var signal in snapshot.Signals)
            {
                if (!Holds(signal, alertId) || _store.ReleaseOf(signal.Id) is not null)
                    continue;
                await _release(new ReleaseRequest(signal, alert, actor, reason), cancellationToken).ConfigureAwait(false);
                releases.Add(_store.AddRelease(signal.Id, alertId, actor, reason, _time.GetUtcNow()));
            }
        }
        return new VerdictOutcome(record, releases);
    }

    public Suppression Suppress(SuppressionScope scope, string value, DateTimeOffset expiresAt, string actor, string reason)
    {
        CheckAudit(actor, reason);
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException("a suppression needs the value it matches", nameof(value));
        var now = _time.GetUtcNow();
        if (expiresAt <= now)
            throw new ArgumentException("a suppression must expire in the future", nameof(expiresAt));
        var suppression = _store.AddSuppression(scope, value, expiresAt, actor, reason, now);
        _filter.Replace(_store.Suppressions());
        return suppression;
    }

    /// <summary>Null when there is no such suppression or it was already lifted.</summary>
    public Suppression? Lift(long id, string actor)
    {
        CheckAudit(actor, "lifted");
        var lifted = _store.LiftSuppression(id, actor, _time.GetUtcNow());
        _filter.Replace(_store.Suppressions());
        return lifted;
    }

    /// <summary>A signal that restricts the agent and cites the alert.</summary>
    private static bool Holds(QuarantineSignal signal, string alertId) =>
        signal.Data.Action is not (QuarantineAction.None or QuarantineAction.Release) && signal.Data.AlertIds.Contains(alertId);

    private static void CheckAudit(string actor, string reason)
    {
        if (string.IsNullOrWhiteSpace(actor) || actor.Length > MaxActorLength)
            throw new ArgumentException($"actor is required (at most {MaxActorLength} characters): feedback is audited", nameof(actor));
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
            throw new ArgumentException($"reason is required (at most {MaxReasonLength} characters): feedback is audited", nameof(reason));
    }
}
