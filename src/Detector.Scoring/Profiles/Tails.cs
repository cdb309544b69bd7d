using MathNet.Numerics;

namespace Detector.Scoring.Profiles;

/// <summary>Tail probabilities the detectors turn statistics into.</summary>
public static class Tails
{
    /// <summary>1 - Phi(z), via the complementary error function (accurate far into the tail).</summary>
    public static double UpperNormal(double z) => Math.Max(0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2)), 1e-300);

    /// <summary>
    /// P(X >= k) for X ~ Binomial(n, p), by summing the exact terms in log space (n is a session's
    /// step count, so small).
    /// </summary>
    public static double UpperBinomial(int k, int n, double p)
    {
        if (k <= 0)
            return 1;
        if (k > n)
            return 0;
        p = Math.Clamp(p, 1e-12, 1 - 1e-12);
        double sum = 0;
        for (int i = k; i <= n; i++)
            sum += Math.Exp(SpecialFunctions.BinomialLn(n, i) + i * Math.Log(p) + (n - i) * Math.Log(1 - p));
        return Math.Clamp(sum, 1e-300, 1);
    }
}
