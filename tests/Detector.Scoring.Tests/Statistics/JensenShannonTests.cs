using Detector.Scoring.Statistics;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

public sealed class JensenShannonTests
{
    private static double BinaryEntropy(double p) => p <= 0 || p >= 1 ? 0 : -p * Math.Log2(p) - (1 - p) * Math.Log2(1 - p);

    [Fact]
    public void Identical_distributions_diverge_by_zero_and_are_fully_compatible()
    {
        double jsd = JensenShannon.Divergence([10, 20, 30, 0], [1, 2, 3, 0]);
        Assert.Equal(0, jsd, 12);
        Assert.Equal(1, JensenShannon.PValue(jsd, 60, 6, 3));
    }

    [Fact]
    public void Disjoint_distributions_diverge_by_exactly_one_bit_with_a_tiny_p_value()
    {
        double jsd = JensenShannon.Divergence([5, 5, 0, 0], [0, 0, 7, 3]);
        Assert.Equal(1, jsd, 12);
        Assert.True(JensenShannon.PValue(jsd, 100, double.PositiveInfinity, 4) < 1e-40);
    }

    [Theory]
    [InlineData(1.0, 0.5)]
    [InlineData(0.2, 0.7)]
    [InlineData(0.9, 0.1)]
    public void Two_point_distributions_match_the_closed_form(double a, double b)
    {
        // JSD(Bernoulli(a), Bernoulli(b)) = h((a + b) / 2) - (h(a) + h(b)) / 2.
        double expected = BinaryEntropy((a + b) / 2) - (BinaryEntropy(a) + BinaryEntropy(b)) / 2;
        Assert.Equal(expected, JensenShannon.Divergence([a, 1 - a], [b, 1 - b]), 12);
        Assert.Equal(expected, JensenShannon.Divergence([b, 1 - b], [a, 1 - a]), 12);
    }

    [Fact]
    public void Additive_smoothing_pulls_disjoint_counts_together_as_the_closed_form_says()
    {
        // (1, 0) and (0, 1) plus one each are (2/3, 1/3) and (1/3, 2/3): 1 - h(2/3).
        Assert.Equal(1 - BinaryEntropy(2.0 / 3), JensenShannon.Divergence([1, 0], [0, 1], pseudoCount: 1), 12);
    }

    [Fact]
    public void Empty_or_unusable_counts_give_no_divergence()
    {
        Assert.Equal(0, JensenShannon.Divergence([0, 0], [3, 4]));
        Assert.Equal(0, JensenShannon.Divergence([double.NaN, -1], [3, 4]));
        Assert.Equal(1, JensenShannon.PValue(0.5, 10, 10, 1));
    }

    [Fact]
    public void Vectors_of_different_lengths_are_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => JensenShannon.Divergence([1, 2], [1, 2, 3]));
    }

    [Fact]
    public void Against_an_exact_reference_the_p_value_is_uniform_under_the_null()
    {
        double[] reference = [0.4, 0.25, 0.15, 0.12, 0.08];
        var categorical = new Categorical(reference, new Random(31));
        var counts = new double[5];
        int rejected = 0;
        const int runs = 4000;
        for (int run = 0; run < runs; run++)
        {
            Array.Clear(counts);
            for (int i = 0; i < 300; i++)
                counts[categorical.Sample()]++;
            if (JensenShannon.PValue(JensenShannon.Divergence(counts, reference), 300, double.PositiveInfinity, 5) < 0.05)
                rejected++;
        }
        Assert.InRange((double)rejected / runs, 0.035, 0.065);
    }

    [Fact]
    public void Between_two_samples_the_p_value_is_uniform_under_the_null()
    {
        double[] truth = [0.5, 0.3, 0.2];
        var categorical = new Categorical(truth, new Random(32));
        var small = new double[3];
        var large = new double[3];
        int rejected = 0;
        const int runs = 4000;
        for (int run = 0; run < runs; run++)
        {
            Array.Clear(small);
            Array.Clear(large);
            for (int i = 0; i < 200; i++)
                small[categorical.Sample()]++;
            for (int i = 0; i < 600; i++)
                large[categorical.Sample()]++;
            if (JensenShannon.PValue(JensenShannon.Divergence(small, large), 200, 600, 3) < 0.05)
                rejected++;
        }
        Assert.InRange((double)rejected / runs, 0.035, 0.065);
    }

    [Fact]
    public void A_shifted_tool_mix_gets_a_small_p_value()
    {
        double jsd = JensenShannon.Divergence([60, 30, 10], [0.4, 0.4, 0.2]);
        Assert.True(JensenShannon.PValue(jsd, 100, double.PositiveInfinity, 3) < 0.01);
    }

    [Fact]
    public void The_statistic_is_close_to_pearsons_chi_square_for_a_moderate_deviation()
    {
        double[] observed = [110, 95, 95];
        double[] expected = [100, 100, 100];
        double pearson = 0;
        for (int i = 0; i < 3; i++)
            pearson += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
        double jsd = JensenShannon.Divergence(observed, expected);

        Assert.Equal(pearson, 8 * 300 * Math.Log(2) * jsd, 0.05);
        Assert.Equal(1 - ChiSquared.CDF(2, pearson), JensenShannon.PValue(jsd, 300, double.PositiveInfinity, 3), 0.01);
    }
}
