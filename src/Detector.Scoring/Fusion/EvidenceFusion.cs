using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;
using Detector.Scoring.Statistics;

namespace Detector.Scoring.Fusion;

/// <summary>
/// Fuses a session's evidence into one statistic S = -log10 p, in three steps.
/// 1. Per detector family (<see cref="EvidenceKinds.Family"/>, kinds that measure the same thing from
///    different angles), the strongest kind's p-value, corrected for how many chances the session had
///    to produce it (Sidak: 1 - (1 - p)^m, m = steps for per-step tests, 1 for chains) and for the
///    kinds present (Bonferroni): the family's raw statistic -log10 p.
/// 2. Each family's statistic calibrated on benign training sessions (<see cref="TailCalibration"/>):
///    the chance a benign session shows family evidence at least this strong. This absorbs what each
///    detector's model of benign behaviour gets wrong, so a family that is noisy in benign work counts
///    for little, and one never seen in benign work counts for a lot.
/// 3. Fisher's method across the families present. The model's session calibration then turns S into risk.
/// </summary>
public static class EvidenceFusion
{
    /// <summary>
    /// No single test's p-value is taken below this: each rests on a simple model of benign behaviour
    /// (Poisson, log-normal, Good-Turing), and far in the tail the model's error, not the data, decides.
    /// </summary>
    public const double SmallestCredible = 1e-8;

    /// <summary>Each family's raw statistic -log10 p for the session's evidence so far (0 where the family has none).</summary>
    public static void FamilyStatistics(SessionState session, Span<double> statistics)
    {
        var evidence = session.Evidence;
        Span<double> familyMin = stackalloc double[EvidenceKinds.FamilyCount];
        Span<int> familyKinds = stackalloc int[EvidenceKinds.FamilyCount];
        familyMin.Fill(1);
        for (int i = 0; i < evidence.KindCount; i++)
        {
            var best = evidence.BestAt(i);
            int family = best.Kind.Family();
            familyMin[family] = Math.Min(familyMin[family], Corrected(Math.Max(best.PValue, SmallestCredible), TestsFor(best.Kind, session.Steps)));
            familyKinds[family]++;
        }
        for (int f = 0; f < EvidenceKinds.FamilyCount; f++)
            statistics[f] = familyKinds[f] == 0 ? 0 : -Math.Log10(Math.Min(1, familyMin[f] * familyKinds[f]));
    }

    /// <summary>
    /// Raises the session's family peaks to its current evidence and returns the fused statistic of
    /// the peaks, its families calibrated as given.
    /// </summary>
    public static double Update(SessionState session, IReadOnlyList<TailCalibration> families)
    {
        Span<double> statistics = stackalloc double[EvidenceKinds.FamilyCount];
        FamilyStatistics(session, statistics);
        var peaks = session.FamilyPeaks;
        for (int f = 0; f < peaks.Length; f++)
            peaks[f] = Math.Max(peaks[f], statistics[f]);
        return Combine(peaks, families);
    }

    /// <summary>Fisher's combination of the calibrated family p-values of the families with evidence.</summary>
    public static double Combine(ReadOnlySpan<double> familyStatistics, IReadOnlyList<TailCalibration> families)
    {
        Span<double> p = stackalloc double[EvidenceKinds.FamilyCount];
        int n = 0;
        for (int f = 0; f < familyStatistics.Length; f++)
        {
            if (familyStatistics[f] > 0)
                p[n++] = families[f].PValue(familyStatistics[f]);
        }
        if (n == 0)
            return 0;
        double fisher = PValueCombination.Fisher(p[..n]);
        return -Math.Log10(Math.Max(fisher, PValueCombination.SmallestPValue));
    }

    /// <summary>Sidak's correction; for tiny p its first-order form m*p, which 1 - (1-p)^m cannot resolve in doubles.</summary>
    public static double Corrected(double p, int tests)
    {
        if (tests <= 1)
            return p;
        double bound = p * tests;
        return bound < 1e-6 ? bound : Math.Min(1, 1 - Math.Pow(1 - p, tests));
    }

    /// <summary>
    /// Chances a session had to show a kind: one per step for per-step tests, one for chains and for
    /// properties of the session as a whole (its length, its likelihood, its tenant: a session works in
    /// one tenant, and moving into another is one event, not one per step).
    /// </summary>
    private static int TestsFor(EvidenceKind kind, int steps) =>
        kind.IsChain() || kind is EvidenceKind.SessionLikelihood or EvidenceKind.SessionVolume or EvidenceKind.MixDrift or EvidenceKind.NewTenant
            ? 1 : Math.Max(1, steps);
}
