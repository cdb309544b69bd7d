using Detector.Scoring.Statistics;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

public sealed class PValueCombinationTests
{
    private static readonly Gen<double> PValues = Gen.Choose(1, 1_000_000).Select(i => i / 1_000_000.0);

    /// <summary>A p-value vector, an index into it, and a larger value for that entry.</summary>
    private static readonly Arbitrary<(double[] P, int Index, double Raised)> RaisedEntry =
        (from length in Gen.Choose(1, 8)
         from p in Gen.ArrayOf(PValues, length)
         from index in Gen.Choose(0, length - 1)
         from fraction in PValues
         select (p, index, p[index] + (1 - p[index]) * fraction)).ToArbitrary();

    [Fact]
    public void Fisher_of_a_single_p_value_is_that_p_value()
    {
        foreach (double p in new[] { 1e-12, 0.003, 0.2, 0.77, 1 })
            Assert.Equal(p, PValueCombination.Fisher([p]), 1e-12 * Math.Max(p, 1e-3));
    }

    [Fact]
    public void Fisher_agrees_with_the_chi_square_tail_on_2k_degrees_of_freedom()
    {
        double[] p = [0.2, 0.05, 0.6, 0.01];
        double statistic = 0;
        foreach (double x in p)
            statistic -= 2 * Math.Log(x);
        Assert.Equal(1 - ChiSquared.CDF(8, statistic), PValueCombination.Fisher(p), 12);
    }

    [Fact]
    public void One_tiny_p_value_among_moderate_ones_gives_a_small_combined_p_value()
    {
        Assert.True(PValueCombination.Fisher([1e-8, 0.5, 0.4, 0.6, 0.5]) < 1e-5);
        Assert.True(PValueCombination.Stouffer([1e-8, 0.5, 0.4, 0.6, 0.5], [1, 1, 1, 1, 1]) < 0.01);
    }

    [Fact]
    public void Stouffer_of_two_equal_weighted_five_percent_p_values_is_about_one_percent()
    {
        // z = 1.645 each; (1.645 + 1.645) / sqrt(2) = 2.326, whose upper tail is 0.0100.
        Assert.Equal(0.0100, PValueCombination.Stouffer([0.05, 0.05], [1, 1]), 4);
    }

    [Fact]
    public void A_heavier_weight_gives_its_p_value_more_say_and_a_zero_weight_none()
    {
        double trustTheSmall = PValueCombination.Stouffer([0.001, 0.5], [3, 1]);
        double trustTheLarge = PValueCombination.Stouffer([0.001, 0.5], [1, 3]);
        Assert.True(trustTheSmall < trustTheLarge);
        Assert.Equal(0.001, PValueCombination.Stouffer([0.001, 0.9], [1, 0]), 9);
    }

    [Fact]
    public void Uniform_p_values_combine_to_a_uniform_p_value()
    {
        var random = new Random(51);
        var p = new double[5];
        double[] weights = [1, 2, 1, 0.5, 1];
        int fisherBelow = 0;
        int stoufferBelow = 0;
        double fisherSum = 0;
        const int runs = 20_000;
        for (int run = 0; run < runs; run++)
        {
            for (int i = 0; i < p.Length; i++)
                p[i] = 1 - random.NextDouble();
            double fisher = PValueCombination.Fisher(p);
            fisherSum += fisher;
            if (fisher < 0.05)
                fisherBelow++;
            if (PValueCombination.Stouffer(p, weights) < 0.05)
                stoufferBelow++;
        }
        Assert.InRange(fisherSum / runs, 0.49, 0.51);
        Assert.InRange((double)fisherBelow / runs, 0.045, 0.055);
        Assert.InRange((double)stoufferBelow / runs, 0.045, 0.055);
    }

    [Fact]
    public void Fisher_never_falls_when_any_input_rises()
    {
        SeededProperty.Verify(Prop.ForAll(RaisedEntry, c =>
        {
            var raised = (double[])c.P.Clone();
            raised[c.Index] = c.Raised;
            return PValueCombination.Fisher(raised) >= PValueCombination.Fisher(c.P) - 1e-15;
        }));
    }

    [Fact]
    public void Stouffer_never_falls_when_any_input_rises()
    {
        SeededProperty.Verify(Prop.ForAll(RaisedEntry, c =>
        {
            var weights = new double[c.P.Length];
            for (int i = 0; i < weights.Length; i++)
                weights[i] = 0.5 + i;
            var raised = (double[])c.P.Clone();
            raised[c.Index] = c.Raised;
            return PValueCombination.Stouffer(raised, weights) >= PValueCombination.Stouffer(c.P, weights) - 1e-15;
        }));
    }

    [Fact]
    public void Zero_nan_and_empty_inputs_stay_finite_and_meaningful()
    {
        Assert.InRange(PValueCombination.Fisher([0.0, 0.5]), 0, 1e-290);
        // NaN counts as p = 1: Fisher of (1, 0.5) is the χ²(4) tail at 2 ln 2, 0.5 (1 + ln 2).
        Assert.Equal(0.5 * (1 + Math.Log(2)), PValueCombination.Fisher([double.NaN, 0.5]), 12);
        Assert.Equal(1, PValueCombination.Fisher([]));
        Assert.Equal(1, PValueCombination.Stouffer([], []));
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.1, 1.0 / 6)]
    [InlineData(1e-3, 0.5)]
    [InlineData(1e-6, 1.0)]
    [InlineData(1e-30, 1.0)]
    [InlineData(double.NaN, 0.0)]
    public void Risk_is_the_fraction_of_the_way_to_the_saturating_p_value_on_a_log_scale(double p, double risk)
    {
        Assert.Equal(risk, PValueCombination.Risk(p), 12);
    }

    [Fact]
    public void Risk_never_rises_as_the_p_value_rises()
    {
        SeededProperty.Verify(Prop.ForAll(PValues.ToArbitrary(), PValues.ToArbitrary(), (a, b) =>
            a > b ? PValueCombination.Risk(a) <= PValueCombination.Risk(b) : PValueCombination.Risk(a) >= PValueCombination.Risk(b)));
    }

    [Fact]
    public void Combining_does_not_allocate()
    {
        double[] p = [0.2, 0.01, 0.5];
        double[] w = [1, 2, 1];
        Assert.Equal(0, Allocations.Of(() =>
        {
            PValueCombination.Fisher(p);
            PValueCombination.Stouffer(p, w);
            PValueCombination.Risk(0.01);
        }));
    }
}
