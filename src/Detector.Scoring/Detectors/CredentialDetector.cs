using Detector.Domain.Time;
using Detector.Scoring.Bindings;
using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Detectors;

/// <summary>
/// Credential misuse, judged through the shared binding table (a credential is bound to the agent
/// and session it was first seen with): use after its expiry, use by another agent or session, and
/// use after it had gone quiet longer than the session timeout (a replayed credential). Each
/// p-value is the fleet's benign rate of that event among credential uses (long memory: these are
/// rare), so a fleet where clocks skew past expiry now and then is not flooded.
/// </summary>
public sealed class CredentialDetector : IDetector
{
    /// <summary>Clock skew tolerated after expiry before a use counts as "after expiry".</summary>
    private static readonly TimeSpan ExpiryGrace = TimeSpan.FromSeconds(30);

    /// <summary>Last-use refreshes closer together than this are not written to the shared table.</summary>
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);

    public void Score(EventContext c, FindingBuffer findings)
    {
        var e = c.Event;
        if (e.CredentialId is not { } id)
            return;
        var binding = c.Bindings.FindCredential(id, e.Time);
        c.CredentialBinding = binding;
        var verdict = Judge(c, binding);
        c.Credential = verdict.Foreign ? Rules.CredentialStatus.Foreign
            : verdict.Stale ? Rules.CredentialStatus.Stale
            : verdict.Expired ? Rules.CredentialStatus.Expired
            : Rules.CredentialStatus.Valid;
        if (verdict.Expired)
            Report(c, findings, GroupRate.ExpiredCredential, $"credential {id} used {Describe(e.Time - verdict.ExpiresAt!.Value)} after it expired");
        if (verdict.Foreign)
            Report(c, findings, GroupRate.ForeignCredential, $"credential {id} was first used by {binding!.Value.OwnerAgent} in another session");
        if (verdict.Stale)
            Report(c, findings, GroupRate.StaleCredential, $"credential {id} used again {Describe(e.Time - verdict.LastUse)} after its last use");
    }

    public void Learn(EventContext c)
    {
        var e = c.Event;
        if (e.CredentialId is not { } id)
            return;
        // Scoring looked the binding up for this very event: no second lookup in the shared table.
        var binding = c.CredentialBinding;
        var verdict = Judge(c, binding);
        if (c.LearnsBaselines)
        {
            c.Fleet.Rare(GroupRate.ExpiredCredential).Observe(verdict.Expired, NoveltyRate.RareMemory);
            c.Fleet.Rare(GroupRate.ForeignCredential).Observe(verdict.Foreign, NoveltyRate.RareMemory);
            c.Fleet.Rare(GroupRate.StaleCredential).Observe(verdict.Stale, NoveltyRate.RareMemory);
        }
        if (binding is null)
        {
            c.Bindings.RecordCredential(id, new CredentialBinding(c.Agent.Agent, c.Session.IdHash, e.Time, e.Time, e.CredentialExpiresAt));
            c.Agent.Credentials.Record(c.CredentialKey, e.Time);
            return;
        }
        var bound = binding.Value;
        // The first owner keeps the binding; only its own uses refresh it, so a thief cannot launder it.
        bool ownUse = bound.IsOwnedBy(e.Agent, c.Session.IdHash);
        if (ownUse)
            c.Agent.Credentials.Record(c.CredentialKey, e.Time);
        bool newExpiry = e.CredentialExpiresAt is { } exp && exp != bound.ExpiresAt;
        if (ownUse && (e.Time - bound.LastUse >= RefreshEvery || newExpiry))
            c.Bindings.RecordCredential(id, bound with { LastUse = EventTime.Max(bound.LastUse, e.Time), ExpiresAt = e.CredentialExpiresAt ?? bound.ExpiresAt });
    }

    private static Verdict Judge(EventContext c, CredentialBinding? binding)
    {
        var e = c.Event;
        var expiresAt = e.CredentialExpiresAt ?? binding?.ExpiresAt;
        bool expired = expiresAt is { } x && e.Time > x + ExpiryGrace;
        bool foreign = binding is { } b && b.OwnerAgent != e.Agent;
        // The agent's own record is exact; the shared binding stands in when the agent has none (restored from the model, or crowded out).
        var lastUse = binding is { } own && !foreign
            ? (c.Agent.Credentials.TryGetLastUse(c.CredentialKey, out var mine) ? mine : own.LastUse)
            : e.Time;
        bool stale = e.Time - lastUse > c.Options.SessionIdleTimeout;
        // A session of the same agent picking up the credential while its owner is still active is a handover, not misuse.
        return new Verdict(expired, foreign, stale, expiresAt, lastUse);
    }

    private static void Report(EventContext c, FindingBuffer findings, GroupRate rate, string what)
    {
        double p = Math.Max(c.Fleet.Rare(rate).PNew, 1e-9);
        findings.Add(new Finding(EvidenceKind.CredentialMisuse, p, what, 0, 0, 0, FindingScope.Fleet));
    }

    private static string Describe(TimeSpan t) => t.TotalHours >= 2 ? $"{t.TotalHours:0} h" : t.TotalMinutes >= 2 ? $"{t.TotalMinutes:0} min" : $"{t.TotalSeconds:0} s";

    private readonly record struct Verdict(bool Expired, bool Foreign, bool Stale, EventTime? ExpiresAt, EventTime LastUse);
}
