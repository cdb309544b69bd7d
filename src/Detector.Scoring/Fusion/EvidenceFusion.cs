using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;
using Detector.Scoring.Statistics;

namespace Detector.Scoring.Fusion;

/// <summary>
/// Fuses a session's evidence into one statistic S = -log10 p, where p is Fisher's combination of
/// the strongest p-value of each evidence kind, each first corrected for how many chances the
/// session had to produce it (Sidak: 1 - (1 - p)^m, m = steps for per-step tests, 1 for chains), so
/// long benign sessions do not accumulate risk just by being long. Kinds are correlated (a new
/// destination and an exfiltration chain can share an event), which makes Fisher overconfident;
/// the benign calibration of S (<see cref="SessionCalibration"/>) absorbs that.
/// </summary>
public static class EvidenceFusion
{
    public static double Statistic(SessionState session)
    {
        var evidence = session.Evidence;
        int kinds = evidence.KindCount;
        if (kinds == 0)
            return 0;
        Span<double> p = stackalloc double[EvidenceKinds.Count];
        for (int i = 0; i < kinds; i++)
        {
            var best = evidence.BestAt(i);
            p[i] = Corrected(best.PValue, TestsFor(best.Kind, session.Steps));
        }
        double fisher = PValueCombination.Fisher(p[..kinds]);
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
