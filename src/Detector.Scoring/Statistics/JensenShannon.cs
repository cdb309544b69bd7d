using MathNet.Numerics;

namespace Detector.Scoring.Statistics;

/// <summary>
/// Jensen-Shannon divergence between two count vectors (Lin, "Divergence measures based on the
/// Shannon entropy", IEEE Trans. Inf. Theory 1991): symmetric, finite when one side has zeros the
/// other has not, and bounded by 1 bit, so "how different is this agent's tool mix from last week's"
/// is a number with a fixed scale. <see cref="PValue"/> turns it into evidence that accounts for how
/// many events it rests on.
/// </summary>
public static class JensenShannon
{
    /// <summary>
    /// JSD in bits, in [0, 1], between the distributions the two count vectors estimate, each count
    /// first raised by <paramref name="pseudoCount"/> (additive smoothing; 0 for none). Negative and
    /// non-finite counts count as 0; if either side then has no mass there is nothing to compare and the result is 0.
    /// </summary>
    public static double Divergence(ReadOnlySpan<double> countsP, ReadOnlySpan<double> countsQ, double pseudoCount = 0)
    {
        if (countsP.Length != countsQ.Length)
            throw new ArgumentException("the count vectors must have the same length", nameof(countsQ));
        Guard.InRange(pseudoCount, 0, double.MaxValue, nameof(pseudoCount));
        double totalP = 0;
        double totalQ = 0;
        for (int i = 0; i < countsP.Length; i++)
        {
            totalP += Smoothed(countsP[i], pseudoCount);
            totalQ += Smoothed(countsQ[i], pseudoCount);
        }
        if (!(totalP > 0 && totalQ > 0))
            return 0;

        // JSD = 1/2 KL(P || M) + 1/2 KL(Q || M), M = (P + Q) / 2; 0 log 0 = 0.
        double sum = 0;
        for (int i = 0; i < countsP.Length; i++)
        {
            double p = Smoothed(countsP[i], pseudoCount) / totalP;
            double q = Smoothed(countsQ[i], pseudoCount) / totalQ;
            double m = 0.5 * (p + q);
            if (p > 0)
                sum += p * Math.Log2(p / m);
            if (q > 0)
                sum += q * Math.Log2(q / m);
        }
        return Math.Clamp(0.5 * sum, 0, 1);
    }

    /// <summary>
    /// Upper-tail p-value of an (unsmoothed) divergence under "both samples come from one distribution":
    /// 8 n ln 2 JSD is asymptotically χ² with categories - 1 degrees of freedom, n = N1 N2 / (N1 + N2)
    /// (N2 = ∞ against an exactly known reference, leaving n = N1).
    /// </summary>
    /// <remarks>
    /// Why: to second order JSD (in nats) = Σ (p - q)² / (8 m), and N1 N2/(N1 + N2) Σ (p - q)²/m is
    /// Pearson's χ² for homogeneity. For two equal samples this is Grosse et al.'s 2 N ln 2 JSD with N
    /// the pooled size ("Analysis of symbolic sequences using the Jensen-Shannon divergence", Phys. Rev.
    /// E 65, 041905, 2002); 2 N ln 2 JSD with N one sample's size would be four times too small. Like
    /// Pearson's test it wants a handful of expected counts per category.
    /// </remarks>
    /// <param name="divergenceBits">JSD in bits, computed with pseudoCount 0.</param>
    /// <param name="sampleSize">N1, events behind the sample distribution.</param>
    /// <param name="referenceSize">N2, events behind the reference; <see cref="double.PositiveInfinity"/> for an exact reference.</param>
    /// <param name="categories">Categories with a non-zero count on either side.</param>
    public static double PValue(double divergenceBits, double sampleSize, double referenceSize, int categories)
    {
        if (categories < 2 || !(divergenceBits > 0) || !(sampleSize > 0) || !(referenceSize > 0))
            return 1;
        double effectiveSize = double.IsPositiveInfinity(referenceSize)
            ? sampleSize
            : sampleSize * referenceSize / (sampleSize + referenceSize);
        double statistic = 8 * effectiveSize * Math.Log(2) * divergenceBits;
        // The χ² upper tail Q(k/2, x/2), taken directly rather than as 1 - CDF so tiny p-values keep their digits.
        return SpecialFunctions.GammaUpperRegularized(0.5 * (categories - 1), 0.5 * statistic);
    }

    private static double Smoothed(double count, double pseudoCount) => (double.IsFinite(count) && count > 0 ? count : 0) + pseudoCount;
}
