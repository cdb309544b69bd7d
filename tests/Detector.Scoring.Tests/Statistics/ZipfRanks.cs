namespace Detector.Scoring.Tests.Statistics;

/// <summary>
/// Seeded Zipf draws by inverse CDF over a precomputed table (MathNet's Zipf sampler recomputes the
/// normaliser on every draw, which makes a 100,000-draw stream take seconds).
/// </summary>
internal sealed class ZipfRanks
{
    private readonly double[] _cumulative;
    private readonly Random _random;

    public ZipfRanks(double exponent, int ranks, int seed)
    {
        _cumulative = new double[ranks];
        double sum = 0;
        for (int k = 1; k <= ranks; k++)
        {
            sum += Math.Pow(k, -exponent);
            _cumulative[k - 1] = sum;
        }
        for (int k = 0; k < ranks; k++)
            _cumulative[k] /= sum;
        _random = new Random(seed);
    }

    /// <summary>A rank in 1..ranks, rank k with probability proportional to k^-exponent.</summary>
    public int Next()
    {
        int index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1) + 1;
    }
}
