using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;
using Detector.Scoring.Statistics;

namespace Detector.Scoring.Fusion;

/// <summary>
/// Fuses a session's evidence into one statistic S = -log10 p. Each kind's strongest p-value is first
/// corrected for how many chances the session had to produce it (Sidak: 1 - (1 - p)^m, m = steps for
/// per-step tests, 1 for chains), so long benign sessions do not accumulate risk just by being long;
/// kinds of one family (<see cref="EvidenceKinds.Family"/>) give their best, Bonferroni-corrected for
/// the kinds present; families are combined with Fisher's method. Families still correlate (an
/// exfiltration is also a new destination), which makes Fisher overconfident; the benign calibration
/// of S (<see cref="SessionCalibration"/>) absorbs the scale.
/// </summary>
public static class EvidenceFusion
{
    /// <summary>
    /// No single test's p-value is taken below this: each rests on a simple model of benign behaviour
    /// (Poisson, log-normal, Good-Turing), and far in the tail the model's error, not the data, decides.
    /// </summary>
    public const double SmallestCredible = 1e-8;

    public static double Statistic(SessionState session)
    {
        var evidence = session.Evidence;
        int kinds = evidence.KindCount;
        if (kinds == 0)
            return 0;
        Span<double> familyMin = stackalloc double[EvidenceKinds.FamilyCount];
        Span<int> familyKinds = stackalloc int[EvidenceKinds.FamilyCount];
        familyMin.Fill(1);
        for (int i = 0; i < kinds; i++)
        {
            var best = evidence.BestAt(i);
            int family = best.Kind.Family();
            familyMin[family] = Math.Min(familyMin[family], Corrected(Math.Max(best.PValue, SmallestCredible), TestsFor(best.Kind, session.Steps)));
            familyKinds[family]++;
        }
        Span<double> p = stackalloc double[EvidenceKinds.FamilyCount];
        int n = 0;
        for (int f = 0; f < familyMin.Length; f++)
        {
            // Bonferroni within a family: its best of k looks.
            if (familyKinds[f] > 0)
                p[n++] = Math.Min(1, familyMin[f] * familyKinds[f]);
        }
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

    private static int TestsFor(EvidenceKind kind, int steps) =>
        kind.IsChain() || kind is EvidenceKind.SessionLikelihood or EvidenceKind.SessionVolume or EvidenceKind.MixDrift ? 1 : Math.Max(1, steps);
}
