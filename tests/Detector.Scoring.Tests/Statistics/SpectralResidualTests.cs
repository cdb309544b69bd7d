using Detector.Scoring.Statistics;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

public sealed class SpectralResidualTests
{
    // The paper flags points whose score exceeds τ = 3 (ML.NET: raw score / 10 > 0.3).
    private const double PaperThreshold = 3;

    private static double[] DailyCycle(int length, double spikeAtEnd, int seed)
    {
        var random = new Random(seed);
        var series = new double[length];
        for (int i = 0; i < length; i++)
            series[i] = 20 + 10 * Math.Sin(2 * Math.PI * i / 24) + (random.NextDouble() - 0.5) * 2;
        series[^1] += spikeAtEnd;
        return series;
    }

    [Fact]
    public void A_spike_on_a_daily_cycle_scores_far_above_the_papers_threshold()
    {
        var scorer = new SpectralResidual();
        for (int seed = 1; seed <= 20; seed++)
            Assert.True(scorer.Score(DailyCycle(scorer.WindowLength, 30, seed)) > 4 * PaperThreshold);
    }

    [Fact]
    public void The_same_daily_cycle_without_the_spike_scores_below_the_threshold()
    {
        var scorer = new SpectralResidual();
        for (int seed = 1; seed <= 20; seed++)
            Assert.True(scorer.Score(DailyCycle(scorer.WindowLength, 0, seed)) < PaperThreshold);
    }

    [Fact]
    public void A_drop_to_zero_is_salient_too()
    {
        var scorer = new SpectralResidual();
        var series = DailyCycle(scorer.WindowLength, 0, 3);
        series[^1] = 0;
        Assert.True(scorer.Score(series) > PaperThreshold);
    }

    [Fact]
    public void The_score_does_not_depend_on_the_units_of_the_series()
    {
        var scorer = new SpectralResidual();
        var series = DailyCycle(scorer.WindowLength, 12, 5);
        double score = scorer.Score(series);
        var scaled = new double[series.Length];
        for (int i = 0; i < series.Length; i++)
            scaled[i] = series[i] * 1000;

        Assert.Equal(score, scorer.Score(scaled), 9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(7.0)]
    public void A_flat_window_has_nothing_salient_and_scores_zero(double level)
    {
        var scorer = new SpectralResidual();
        var series = new double[scorer.WindowLength];
        Array.Fill(series, level);
        Assert.Equal(0, scorer.Score(series), 9);
    }

    [Fact]
    public void The_window_length_is_the_fft_length_less_the_extrapolated_points()
    {
        Assert.Equal(59, new SpectralResidual(64, 5).WindowLength);
        Assert.Equal(124, new SpectralResidual(128, 4).WindowLength);
    }

    [Fact]
    public void A_window_of_the_wrong_length_is_a_programming_error()
    {
        var scorer = new SpectralResidual();
        Assert.Throws<ArgumentOutOfRangeException>(() => scorer.Score(new double[scorer.WindowLength + 1]));
    }

    [Theory]
    [InlineData(60, 5, 3, 21)]
    [InlineData(64, 5, 4, 21)]
    [InlineData(64, 0, 3, 21)]
    [InlineData(64, 5, 3, 59)]
    public void Settings_that_cannot_work_are_refused_at_construction(int fftLength, int extrapolated, int amplitudeWindow, int saliencyWindow)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpectralResidual(fftLength, extrapolated, amplitudeWindow, saliencyWindow));
    }

    [Fact]
    public void Scoring_reuses_its_buffers()
    {
        var scorer = new SpectralResidual();
        var series = DailyCycle(scorer.WindowLength, 10, 9);
        Assert.Equal(0, Allocations.Of(() => scorer.Score(series), 200));
    }
}
