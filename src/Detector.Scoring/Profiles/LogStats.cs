namespace Detector.Scoring.Profiles;

/// <summary>
/// A decayed running distribution of a non-negative count or size on the log scale (log 1+x): mean,
/// mean square and the largest value seen. Counts such as session length and transfer sizes are
/// right-skewed; on the log scale a normal tail is a fair, cheap approximation, and the session
/// calibration corrects what it gets wrong.
/// </summary>
public struct LogStats
{
    private const double Decay = 1 - 1 / 500.0;

    /// <summary>Observations before the distribution is trusted.</summary>
    public const double MinWeight = 10;

    public double Weight;
    public double Mean;
    public double Square;
    public double Max;

    public readonly bool IsTrusted => Weight >= MinWeight;

    /// <summary>The usual value (geometric mean, on the original scale).</summary>
    public readonly double Typical => Math.Exp(Mean) - 1;

    public void Observe(double x)
    {
        double v = Math.Log(1 + Math.Max(0, x));
        Weight = Weight * Decay + 1;
        double a = 1 / Weight;
        Mean += a * (v - Mean);
        Square += a * (v * v - Square);
        Max = Math.Max(Max, x);
    }

    /// <summary>
    /// Chance of a value at least <paramref name="x"/>: the normal upper tail on the log scale, never
    /// below 2% for a value no larger than one already seen. 1 until trusted.
    /// </summary>
    public readonly double PValueAbove(double x)
    {
        if (!IsTrusted)
            return 1;
        double v = Math.Log(1 + Math.Max(0, x));
        // A floor of 0.5 on the log-scale spread: an agent whose sessions all look alike has not shown that
        // three times its usual is a one-in-a-million event, only that it has not happened yet.
        double sd = Math.Sqrt(Math.Max(Square - Mean * Mean, 0.25));
        double p = Tails.UpperNormal((v - Mean) / sd);
        return x <= Max ? Math.Max(p, 0.02) : p;
    }

    public readonly void Write(BinaryWriter w)
    {
        w.Write(Weight);
        w.Write(Mean);
        w.Write(Square);
        w.Write(Max);
    }

    public static LogStats Read(BinaryReader r) => new() { Weight = r.ReadDouble(), Mean = r.ReadDouble(), Square = r.ReadDouble(), Max = r.ReadDouble() };
}
