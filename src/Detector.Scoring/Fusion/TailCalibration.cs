using Detector.Scoring.Statistics;

namespace Detector.Scoring.Fusion;

/// <summary>
/// Maps an evidence statistic S = -log10 p (one detector family's, or the session's fused one) to
/// the chance that a benign session reaches it. Below the benign sample's 95th percentile the
/// empirical (conformal) p-value is used; above it the tail is extrapolated as exponential with the
/// sample's mean excess (peaks over threshold, Pickands-Balkema-de Haan with shape 0), so evidence
/// beyond what n benign sessions can certify still ranks instead of saturating at 1/(n+1).
/// </summary>
public sealed class TailCalibration
{
    private const double TailQuantile = 0.95;
    private const double MinMeanExcess = 0.25;

    private readonly EmpiricalCalibration? _body;
    private readonly double _tailStart;
    private readonly double _tailP;
    private readonly double _meanExcess;

    private TailCalibration(EmpiricalCalibration? body, double tailStart, double tailP, double meanExcess)
    {
        _body = body;
        _tailStart = tailStart;
        _tailP = tailP;
        _meanExcess = meanExcess;
    }

    /// <summary>Without benign sessions to learn from: the statistic read as a plain p-value, 10^-S.</summary>
    public static TailCalibration Uncalibrated { get; } = new(null, 0, 1, 1 / Math.Log(10));

    public bool IsCalibrated => _body is not null;

    public int SampleSize => _body?.SampleSize ?? 0;

    public double TailStart => _tailStart;

    public double MeanExcess => _meanExcess;

    public static TailCalibration Fit(ReadOnlySpan<double> benignStatistics)
    {
        if (benignStatistics.Length < 50)
            return Uncalibrated;
        var sorted = benignStatistics.ToArray();
        Array.Sort(sorted);
        // The tail starts at the 95th percentile, or at the smallest positive statistic when most benign
        // sessions show no evidence at all (a family silent in 97% of sessions has its tail in the other 3%).
        double tailStart = sorted[(int)(TailQuantile * (sorted.Length - 1))];
        if (tailStart <= 0)
        {
            int firstPositive = Array.FindIndex(sorted, s => s > 0);
            // A family benign sessions never trigger says nothing about its tail: its own p-value stands.
            if (firstPositive < 0)
                return new TailCalibration(EmpiricalCalibration.Fit(benignStatistics), 0, 1, 1 / Math.Log(10));
            tailStart = sorted[firstPositive];
        }
        double excess = 0;
        int n = 0;
        foreach (double s in sorted)
        {
            if (s > tailStart)
            {
                excess += s - tailStart;
                n++;
            }
        }
        // A floor keeps a degenerate tail (many identical statistics) from giving infinite risk slopes.
        double meanExcess = Math.Max(n > 0 ? excess / n : 0, MinMeanExcess);
        var body = EmpiricalCalibration.Fit(benignStatistics);
        return new TailCalibration(body, tailStart, body.PValue(tailStart), meanExcess);
    }

    /// <summary>The chance a benign session reaches <paramref name="statistic"/> (10^-S when uncalibrated).</summary>
    public double PValue(double statistic)
    {
        if (statistic <= 0)
            return 1;
        if (_body is not null && statistic <= _tailStart)
            return _body.PValue(statistic);
        return Math.Clamp(_tailP * Math.Exp(-(statistic - _tailStart) / _meanExcess), 1e-300, 1);
    }

    public double Risk(double statistic) => 1 - PValue(statistic);

    public void Write(BinaryWriter w)
    {
        w.Write((byte)1);
        w.Write(_body is not null);
        _body?.Write(w);
        w.Write(_tailStart);
        w.Write(_tailP);
        w.Write(_meanExcess);
    }

    public static TailCalibration Read(BinaryReader r)
    {
        byte version = r.ReadByte();
        if (version != 1)
            throw new InvalidDataException($"tail calibration format {version} is not supported");
        var body = r.ReadBoolean() ? EmpiricalCalibration.Read(r) : null;
        return new TailCalibration(body, r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
    }
}
