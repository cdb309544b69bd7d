namespace Detector.Scoring.Statistics;

/// <summary>
/// Turns a raw detector score into an upper-tail p-value against scores seen on benign data:
/// p(s) = (1 + #{benign >= s}) / (n + 1), the conformal p-value with its +1 correction (Vovk,
/// Gammerman and Shafer, "Algorithmic Learning in a Random World", 2005; North, Curtis and Sham, "A
/// note on the calculation of empirical P values from Monte Carlo procedures", AJHG 2002), valid
/// without any model of the score's distribution and never 0. That puts every detector on the same
/// scale for fusion.
/// </summary>
/// <remarks>
/// Bounded memory: the sample is kept as knots, each a distinct score with the counts at or above and
/// strictly above it, so p-values at knots are exact. The top <c>tailSize</c> scores are all knots
/// (the upper tail, where alarms are decided, is exact); below them, <c>bodyKnots</c> scores at evenly
/// spaced ranks, with counts interpolated linearly between. Scores above the largest benign one get
/// the floor 1/(n + 1), the smallest p-value n benign samples can certify. 16 bytes per knot.
/// </remarks>
public sealed class EmpiricalCalibration : IBinarySerializable<EmpiricalCalibration>
{
    private const byte FormatVersion = 1;
    private const int MaxKnots = 1 << 20;

    private readonly double[] _scores;
    private readonly int[] _atOrAbove;
    private readonly int[] _above;
    private readonly int _sampleSize;

    private EmpiricalCalibration(double[] scores, int[] atOrAbove, int[] above, int sampleSize)
    {
        _scores = scores;
        _atOrAbove = atOrAbove;
        _above = above;
        _sampleSize = sampleSize;
    }

    /// <summary>Benign scores behind the calibration.</summary>
    public int SampleSize => _sampleSize;

    /// <summary>Knots kept (at most bodyKnots + tailSize).</summary>
    public int KnotCount => _scores.Length;

    /// <summary>Builds a calibration from benign scores (non-finite ones ignored). Runs at training time; sorts a copy.</summary>
    public static EmpiricalCalibration Fit(ReadOnlySpan<double> benignScores, int bodyKnots = 64, int tailSize = 64)
    {
        Guard.InRange(bodyKnots, 2, MaxKnots, nameof(bodyKnots));
        Guard.InRange(tailSize, 1, MaxKnots, nameof(tailSize));
        var sorted = new double[benignScores.Length];
        int n = 0;
        foreach (double s in benignScores)
        {
            if (double.IsFinite(s))
                sorted[n++] = s;
        }
        Array.Sort(sorted, 0, n);

        var scores = new List<double>();
        var atOrAbove = new List<int>();
        var above = new List<int>();
        int tailStart = Math.Max(0, n - tailSize);
        // Body knots at evenly spaced ranks below the tail, then every tail index; ties collapse to one knot.
        for (int j = 0; j < bodyKnots && tailStart > 0; j++)
            AddKnot((int)Math.Round((double)j * (tailStart - 1) / (bodyKnots - 1)));
        for (int i = tailStart; i < n; i++)
            AddKnot(i);
        return new EmpiricalCalibration([.. scores], [.. atOrAbove], [.. above], n);

        void AddKnot(int index)
        {
            double value = sorted[index];
            if (scores.Count > 0 && scores[^1] == value)
                return;
            int first = index;
            while (first > 0 && sorted[first - 1] == value)
                first--;
            int last = index;
            while (last + 1 < n && sorted[last + 1] == value)
                last++;
            scores.Add(value);
            atOrAbove.Add(n - first);
            above.Add(n - last - 1);
        }
    }

    /// <summary>(1 + #{benign >= score}) / (n + 1), interpolated between knots; 1 for NaN or without a sample.</summary>
    public double PValue(double score)
    {
        if (double.IsNaN(score) || _scores.Length == 0 || score <= _scores[0])
            return 1;
        int index = Array.BinarySearch(_scores, score);
        double count;
        if (index >= 0)
        {
            count = _atOrAbove[index];
        }
        else if (~index == _scores.Length)
        {
            count = 0;
        }
        else
        {
            // Between knots the count falls from "strictly above the lower knot" to "at or above the upper".
            int upper = ~index;
            int lower = upper - 1;
            double fraction = (score - _scores[lower]) / (_scores[upper] - _scores[lower]);
            count = _above[lower] + fraction * (_atOrAbove[upper] - _above[lower]);
        }
        return (1 + count) / (_sampleSize + 1);
    }

    public void Write(BinaryWriter writer)
    {
        StateFormat.WriteHeader(writer, StateTag.EmpiricalCalibration, FormatVersion);
        writer.Write(_sampleSize);
        writer.Write(_scores.Length);
        for (int i = 0; i < _scores.Length; i++)
        {
            writer.Write(_scores[i]);
            writer.Write(_atOrAbove[i]);
            writer.Write(_above[i]);
        }
    }

    public static EmpiricalCalibration Read(BinaryReader reader)
    {
        StateFormat.ReadHeader(reader, StateTag.EmpiricalCalibration, FormatVersion);
        int sampleSize = StateFormat.ReadInt32(reader, "sample size", 0, int.MaxValue);
        int knots = StateFormat.ReadInt32(reader, "knot count", 0, Math.Min(sampleSize, 2 * MaxKnots));
        var scores = new double[knots];
        var atOrAbove = new int[knots];
        var above = new int[knots];
        for (int i = 0; i < knots; i++)
        {
            scores[i] = StateFormat.ReadDouble(reader, "knot score");
            atOrAbove[i] = StateFormat.ReadInt32(reader, "count at or above", 1, sampleSize);
            above[i] = StateFormat.ReadInt32(reader, "count above", 0, atOrAbove[i] - 1);
            if (i > 0 && !(scores[i] > scores[i - 1] && atOrAbove[i] <= above[i - 1]))
                StateFormat.Fail("knots are not in increasing order");
        }
        return new EmpiricalCalibration(scores, atOrAbove, above, sampleSize);
    }
}
