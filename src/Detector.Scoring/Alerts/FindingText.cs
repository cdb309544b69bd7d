using System.Globalization;
using Detector.Scoring.Evidence;

namespace Detector.Scoring.Alerts;

/// <summary>
/// One sentence per finding, for analysts: what deviated, against which baseline, by how much.
/// Built only when an alert is raised.
/// </summary>
public static class FindingText
{
    public static string Describe(in Finding f)
    {
        string baseline = f.Scope switch
        {
            FindingScope.PeerGroup => "its peer group (the agent is still new)",
            FindingScope.Fleet => "the fleet",
            FindingScope.Session => "this session",
            _ => "this agent's history",
        };
        string s = f.Kind switch
        {
            EvidenceKind.NewTool => $"first use of tool '{f.Subject}' ({N(f.Basis)} tools known to {baseline}; {Peers(f)})",
            EvidenceKind.NewAction => $"a '{f.Subject}' action, which is {N(f.Observed, "0.#")} of the last {N(f.Expected)} actions in {baseline}",
            EvidenceKind.NewResource => $"first access to resource pattern '{f.Subject}' ({N(f.Basis)} patterns known to {baseline}; {Peers(f)})",
            EvidenceKind.NewDestination => $"destination '{f.Subject}' never seen in {baseline} ({N(f.Basis)} destinations known; {Peers(f)})",
            EvidenceKind.NewTenant => $"work in tenant '{f.Subject}', new for {baseline} ({Peers(f)})",
            EvidenceKind.NewArgumentValue => $"new value {f.Subject} for an argument whose values normally recur ({N(f.Expected)} observations)",
            EvidenceKind.RareTransition => $"unusual next tool '{f.Subject}': rank {N(f.Observed)} of {N(f.Expected)} possible next steps in {baseline}",
            EvidenceKind.SessionLikelihood => $"the session's tool sequence is unlikely: {N(f.Observed, "0.0")} bits of surprise per step against a normal {N(f.Expected, "0.0")} over {N(f.Basis)} steps",
            EvidenceKind.RateSpike => $"{N(f.Observed)} events in the hour against an expected {N(f.Expected, "0.0")} for this hour in {baseline}",
            EvidenceKind.RateShift => $"a sustained change of activity level: {N(f.Observed, "0.0")} events/hour against {N(f.Expected, "0.0")} before",
            EvidenceKind.ErrorBurst => $"{N(f.Observed)} failed or denied calls in this session against about {N(f.Expected, "0.0")} expected",
            EvidenceKind.MixDrift => $"the mix of {f.Subject} in today's work drifted from {baseline} (Jensen-Shannon divergence {N(f.Observed, "0.000")} bits over {N(f.Basis)} events)",
            EvidenceKind.SessionVolume => $"the session ran {N(f.Observed)} steps ({N(f.Basis, "0.0")} per minute at its fastest) where sessions of {baseline} run about {N(f.Expected, "0")}",
            EvidenceKind.SensitiveExfiltration => $"transfer to {f.Subject} {N(f.Observed)} steps after reading {N(f.Basis)} confidential or restricted resources",
            EvidenceKind.PrivilegeRun => $"{N(f.Observed)} privilege changes in a row after {N(f.Basis)} ordinary steps ({f.Subject})",
            EvidenceKind.CrossTenant => $"{N(f.Observed)} steps in tenant '{f.Subject}', outside the tenants of {baseline}",
            EvidenceKind.DelegationOutOfIntent => $"delegated session {f.Subject} outside its parent's intent",
            EvidenceKind.CredentialMisuse => $"credential misuse: {f.Subject}",
            EvidenceKind.DestinationDrift => $"growing traffic to young destination '{f.Subject}' (first seen {N(f.Basis, "0.#")} days ago, {N(f.Observed)} transfers so far)",
            EvidenceKind.PolicyRule => f.Basis > 0 ? $"policy rule {f.Subject}" : $"policy rule partly matched, {f.Subject}",
            EvidenceKind.TransferVolume => $"a transfer of {N(f.Observed)} bytes where this agent's transfers{(f.Subject is null ? "" : $" with '{f.Subject}'")} are usually about {N(f.Expected)} bytes (largest seen {N(f.Basis)})",
            EvidenceKind.SensitiveReadBurst => $"{N(f.Observed)} reads of confidential or restricted data in one session where about {N(f.Expected, "0.#")} is usual (most seen {N(f.Basis)})",
            _ => f.Kind.WireName(),
        };
        return s + $" [p={P(f.PValue)}]";
    }

    private static string Peers(in Finding f) => f.Expected <= 0
        ? "no peer group data"
        : f.Observed <= 0 ? $"none of {N(f.Expected)} peers use it" : $"about {N(f.Observed)} of {N(f.Expected)} peers use it";

    private static string N(double value, string format = "#,0") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string P(double p) => p.ToString(p < 0.001 ? "0.0e0" : "0.###", CultureInfo.InvariantCulture);
}
