using Detector.Scoring.Statistics;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

public sealed class EmpiricalCalibrationTests
{
    [Theory]
    [InlineData(10.0, 2.0 / 11)]
    [InlineData(7.0, 5.0 / 11)]
    [InlineData(6.5, 5.0 / 11)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(10.5, 1.0 / 11)]
    public void A_small_sample_gives_the_exact_conformal_p_value(double score, double expected)
    {
        var calibration = EmpiricalCalibration.Fit([3, 1, 4, 10, 5, 9, 2, 6, 8, 7]);
        Assert.Equal(expected, calibration.PValue(score), 12);
    }

    [Fact]
    public void Ties_count_as_at_least_as_extreme()
    {
        var calibration = EmpiricalCalibration.Fit([1, 1, 1, 2]);
        Assert.Equal(1, calibration.PValue(1), 12);
        Assert.Equal(2.0 / 5, calibration.PValue(1.5), 12);
        Assert.Equal(2.0 / 5, calibration.PValue(2), 12);
    }

    [Fact]
    public void A_large_sample_keeps_the_upper_tail_exact_and_the_body_close_with_bounded_knots()
    {
        var random = new Random(71);
        var scores = new double[100_000];
        for (int i = 0; i < scores.Length; i++)
            scores[i] = Normal.Sample(random, 0, 1);
        var calibration = EmpiricalCalibration.Fit(scores, bodyKnots: 64, tailSize: 64);
        Array.Sort(scores);

        Assert.True(calibration.KnotCount <= 128);
        foreach (double probe in new[] { -2.0, -0.5, 0.0, 0.3, 1.7, 3.0, scores[^10], scores[^40], 4.5 })
        {
            int atOrAbove = scores.Length - LowerBound(scores, probe);
            double exact = (1.0 + atOrAbove) / (scores.Length + 1);
            double tolerance = probe >= scores[^64] ? 1e-12 : 1.0 / 64;
            Assert.Equal(exact, calibration.PValue(probe), tolerance);
        }
    }

    [Fact]
    public void P_values_never_rise_as_the_score_rises()
    {
        var random = new Random(72);
        var scores = new double[5000];
        for (int i = 0; i < scores.Length; i++)
            scores[i] = Math.Round(Gamma.Sample(random, 2, 1), 1);
        var calibration = EmpiricalCalibration.Fit(scores, bodyKnots: 16, tailSize: 16);

        double previous = 1;
        for (double s = -1; s < 15; s += 0.01)
        {
            double p = calibration.PValue(s);
            Assert.True(p <= previous + 1e-15);
            previous = p;
        }
    }

    [Fact]
    public void Fresh_benign_scores_get_p_values_no_smaller_than_uniform()
    {
        var random = new Random(73);
        var training = new double[2000];
        for (int i = 0; i < training.Length; i++)
            training[i] = Gamma.Sample(random, 2, 1);
        var calibration = EmpiricalCalibration.Fit(training);

        int below = 0;
        const int fresh = 20_000;
        for (int i = 0; i < fresh; i++)
        {
            if (calibration.PValue(Gamma.Sample(random, 2, 1)) <= 0.01)
                below++;
        }
        Assert.InRange((double)below / fresh, 0.005, 0.013);
    }

    [Fact]
    public void Non_finite_training_scores_are_ignored_and_nan_scores_give_no_evidence()
    {
        var calibration = EmpiricalCalibration.Fit([1, double.NaN, 2, double.PositiveInfinity, 3]);
        Assert.Equal(3, calibration.SampleSize);
        Assert.Equal(1, calibration.PValue(double.NaN));
        Assert.Equal(1, EmpiricalCalibration.Fit([]).PValue(5));
    }

    [Fact]
    public void A_round_trip_gives_the_same_p_values()
    {
        var random = new Random(74);
        var scores = new double[3000];
        for (int i = 0; i < scores.Length; i++)
            scores[i] = random.NextDouble() * 10;
        var calibration = EmpiricalCalibration.Fit(scores, bodyKnots: 32, tailSize: 32);
        var copy = Serialized.RoundTrip(calibration);
        for (double s = 0; s < 11; s += 0.37)
            Assert.Equal(calibration.PValue(s), copy.PValue(s));
    }

    [Fact]
    public void Looking_up_a_p_value_does_not_allocate()
    {
        var calibration = EmpiricalCalibration.Fit([1, 2, 3, 4, 5, 6, 7, 8]);
        double s = 0;
        Assert.Equal(0, Allocations.Of(() => calibration.PValue(s += 0.01)));
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int low = 0;
        int high = sorted.Length;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (sorted[middle] < value)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
