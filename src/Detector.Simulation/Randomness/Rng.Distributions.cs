namespace Detector.Simulation.Randomness;

/// <summary>Distributions on top of the raw generator.</summary>
internal sealed partial class Rng
{
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);
    private const string HexDigits = "0123456789abcdef";

    /// <summary>Uniform in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * TwoPowMinus53;

    /// <summary>Uniform in [0, n) by the multiply-shift reduction (bias below 2^-32 for the small n used here).</summary>
    public int Below(int n)
    {
        if (n <= 0)
            throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        return (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);
    }

    /// <summary>Uniform integer in [lo, hi], both inclusive.</summary>
    public int Between(int lo, int hi) => lo + Below(hi - lo + 1);

    public double Uniform(double lo, double hi) => lo + (hi - lo) * NextDouble();

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal by Marsaglia's polar method (Log and Sqrt only).</summary>
    public double Normal()
    {
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        return u * Math.Sqrt(-2 * Math.Log(s) / s);
    }

    /// <summary>Log-normal given its median: the natural shape of latencies, sizes and rates.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Poisson count: Knuth's product method for small means, a rounded normal above 30.</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean > 30)
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal()));
        double limit = Math.Exp(-mean);
        double product = NextDouble();
        int k = 0;
        while (product > limit)
        {
            product *= NextDouble();
            k++;
        }
        return k;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>Index drawn in proportion to non-negative weights.</summary>
    public int PickIndex(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (double w in weights)
            total += w;
        double x = NextDouble() * total;
        for (int i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
                return i;
        }
        // Rounding can leave x at zero after the last positive weight.
        for (int i = weights.Length - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
                return i;
        }
        throw new ArgumentException("at least one weight must be positive", nameof(weights));
    }

    /// <summary>Index with Zipf-like weights 1/(i+1): a few favourites, a long tail.</summary>
    public int PickZipf(int count)
    {
        Span<double> weights = count <= 64 ? stackalloc double[count] : new double[count];
        for (int i = 0; i < count; i++)
            weights[i] = 1.0 / (i + 1);
        return PickIndex(weights);
    }

    public string Hex(int digits) => string.Create(digits, this, static (span, rng) =>
    {
        for (int i = 0; i < span.Length; i++)
            span[i] = HexDigits[(int)(rng.NextUInt64() >> 60)];
    });

    public string Digits(int count) => string.Create(count, this, static (span, rng) =>
    {
        for (int i = 0; i < span.Length; i++)
            span[i] = (char)('0' + rng.Below(10));
    });

    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Below(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
