using MathNet.Numerics.Distributions;

namespace Detector.Scoring.Statistics;

/// <summary>
/// Fuses the p-values of independent detectors into one, and maps that to a risk in [0, 1].
/// Fisher's method reacts to one strong signal among several quiet ones (good for "one detector saw
/// something"); Stouffer's weighted Z rewards several moderate, agreeing signals and lets trusted
/// detectors count more. Both assume independent inputs; correlated detectors make them overconfident.
/// </summary>
/// <remarks>
/// Inputs are clamped to [<see cref="SmallestPValue"/>, 1] so a p-value of 0 gives a finite statistic,
/// and NaN counts as 1 (no evidence). With no inputs the result is 1.
/// </remarks>
public static class PValueCombination
{
    /// <summary>The smallest p-value taken at face value: well below anything a calibration of realistic size can certify.</summary>
    public const double SmallestPValue = 1e-300;

    // Φ⁻¹(1 - p) is -Φ⁻¹(p); p = 1 exactly would give -∞ and swamp every other input.
    private const double LargestPValue = 1 - 1e-16;

    /// <summary>
    /// Fisher (Statistical Methods for Research Workers, 4th ed., 1932): X = -2 Σ ln p_i is χ²
    /// with 2k degrees of freedom under the null, and its upper tail has the closed form
    /// e^(-X/2) Σ_{j&lt;k} (X/2)^j / j!, exact and allocation-free.
    /// </summary>
    public static double Fisher(ReadOnlySpan<double> pValues)
    {
        double half = 0;
        foreach (double p in pValues)
            half -= Math.Log(Clamp(p, 1));
        double term = Math.Exp(-half);
        double sum = term;
        for (int j = 1; j < pValues.Length; j++)
        {
            term *= half / j;
            sum += term;
        }
        return Math.Min(1, sum);
    }

    /// <summary>
    /// Weighted Stouffer (Stouffer et al., The American Soldier, 1949; weights: Liptak, "On the
    /// combination of independent tests", 1958): Z = Σ w_i Φ⁻¹(1 - p_i) / sqrt(Σ w_i²), p = 1 - Φ(Z).
    /// Weights must be non-negative; a zero weight drops its input.
    /// </summary>
    public static double Stouffer(ReadOnlySpan<double> pValues, ReadOnlySpan<double> weights)
    {
        if (pValues.Length != weights.Length)
            throw new ArgumentException("there must be one weight per p-value", nameof(weights));
        double weighted = 0;
        double squares = 0;
        for (int i = 0; i < pValues.Length; i++)
        {
            double w = weights[i];
            if (!(w >= 0 && double.IsFinite(w)))
                throw new ArgumentOutOfRangeException(nameof(weights), "weights must be finite and non-negative");
            weighted -= w * Normal.InvCDF(0, 1, Clamp(pValues[i], LargestPValue));
            squares += w * w;
        }
        return squares > 0 ? Normal.CDF(0, 1, -weighted / Math.Sqrt(squares)) : 1;
    }

    /// <summary>
    /// Risk in [0, 1] from a p-value: log p / log <paramref name="saturation"/>, clamped. Decreasing in p,
    /// 0 at p = 1 and 1 at p &lt;= saturation; each factor of ten in p adds the same step, so with the
    /// default 1e-6, p = 0.1 is 1/6, p = 0.001 is 1/2. Rationale: evidence adds in log p (as in Fisher's
    /// statistic), and the saturation is where the evidence is overwhelming for any use of the score.
    /// </summary>
    public static double Risk(double pValue, double saturation = 1e-6)
    {
        if (!(saturation > 0 && saturation < 1))
            throw new ArgumentOutOfRangeException(nameof(saturation), "saturation must lie in (0, 1)");
        return Math.Clamp(Math.Log(Clamp(pValue, 1)) / Math.Log(saturation), 0, 1);
    }

    private static double Clamp(double p, double largest) => double.IsNaN(p) ? largest : Math.Clamp(p, SmallestPValue, largest);
}
