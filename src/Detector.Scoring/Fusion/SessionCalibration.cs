using Detector.Scoring.Statistics;

namespace Detector.Scoring.Fusion;

/// <summary>
/// Maps a session's fused evidence statistic S = -log10(Fisher p) to a calibrated risk: 1 minus the
/// chance that a benign session reaches S. Below the benign sample's 95th percentile the empirical
/// (conformal) p-value is used; above it the tail is extrapolated as exponential with the sample's
/// mean excess (peaks over threshold, Pickands-Balkema-de Haan with shape 0), so risks beyond what
/// n benign sessions can certify still rank instead of saturating at 1 - 1/(n+1).
/// </summary>
public sealed class SessionCalibration
{
    private const double TailQuantile = 0.95;

    private readonly EmpiricalCalibration? _body;
    private readonly double _tailStart;
    private readonly double _tailP;
    private readonly double _meanExcess;

    private SessionCalibration(EmpiricalCalibration? body, double tailStart, double tailP, double meanExcess)
    {
        _body = body;
        _tailStart = tailStart;
        _tailP = tailP;
        _meanExcess = meanExcess;
    }

    /// <summary>Without benign sessions to learn from: the statistic read as a plain p-value, 10^-S.</summary>
    public static SessionCalibration Uncalibrated { get; } = new(null, 0, 1, 1 / Math.Log(10));

    public bool IsCalibrated => _body is not null;

    public int SampleSize => _body?.SampleSize ?? 0;

    public double TailStart => _tailStart;

    public double MeanExcess => _meanExcess;

    public static SessionCalibration Fit(ReadOnlySpan<double> benignStatistics)
    {
        if (benignStatistics.Length < 50)
            return Uncalibrated;
        var sorted = benignStatistics.ToArray();
        Array.Sort(sorted);
        double tailStart = sorted[(int)(TailQuantile * (sorted.Length - 1))];
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
        double meanExcess = Math.Max(n > 0 ? excess / n : 0, 0.25);
        var body = EmpiricalCalibration.Fit(benignStatistics);
        return new SessionCalibration(body, tailStart, body.PValue(tailStart), meanExcess);
    }

    /// <summary>The chance a benign session reaches <paramref name="statistic"/>.</summary>
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

    public static SessionCalibration Read(BinaryReader r)
    {
        byte version = r.ReadByte();
        if (version != 1)
            throw new InvalidDataException($"session calibration format {version} is not supported");
        var body = r.ReadBoolean() ? EmpiricalCalibration.Read(r) : null;
        return new SessionCalibration(body, r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
    }
}
