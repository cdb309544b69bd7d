using Detector.Domain.Time;
using Detector.Scoring.Statistics;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

public sealed class SeasonalRateBaselineTests
{
    // Monday 5 January 2026, 00:00 UTC.
    private static readonly EventTime Monday = EventTime.FromDateTimeOffset(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));

    private static EventTime At(int day, int hour) => Monday + TimeSpan.FromDays(day) + TimeSpan.FromHours(hour);

    /// <summary>Four weeks of an office-hours agent: about 50 calls an hour 09:00-17:00 on weekdays, next to nothing otherwise.</summary>
    private static SeasonalRateBaseline OfficeHoursAgent(SeasonalLayout layout)
    {
        var random = new Random(17);
        var baseline = new SeasonalRateBaseline(layout);
        for (int day = 0; day < 28; day++)
        {
            for (int hour = 0; hour < 24; hour++)
            {
                bool working = day % 7 < 5 && hour is >= 9 and < 17;
                baseline.Observe(At(day, hour), Poisson.Sample(random, working ? 50 : 0.2));
            }
        }
        return baseline;
    }

    [Theory]
    [InlineData(SeasonalLayout.HourOfWeek)]
    [InlineData(SeasonalLayout.HourOfDayByDayType)]
    public void Fifty_calls_are_normal_at_nine_and_anomalous_at_three(SeasonalLayout layout)
    {
        var baseline = OfficeHoursAgent(layout);

        var atNine = baseline.Score(At(28, 9), 50);
        Assert.InRange(atNine.Expected, 45, 55);
        Assert.InRange(atNine.Z, -1.5, 1.5);
        Assert.True(atNine.PValue > 0.2);

        var atThree = baseline.Score(At(28, 3), 50);
        Assert.True(atThree.Z > 20);
        Assert.True(atThree.PValue < 1e-20);
    }

    [Fact]
    public void A_count_within_the_usual_band_scores_low()
    {
        var baseline = OfficeHoursAgent(SeasonalLayout.HourOfDayByDayType);
        var score = baseline.Score(At(29, 14), 58);
        Assert.InRange(score.Z, 0, 2);
        Assert.True(score.PValue > 0.05);
    }

    [Fact]
    public void A_weekday_hour_learned_on_monday_already_scores_on_tuesday_in_the_weekday_layout()
    {
        var baseline = new SeasonalRateBaseline(SeasonalLayout.HourOfDayByDayType, warmup: 1);
        baseline.Observe(At(0, 10), 40);
        Assert.Equal(40, baseline.Score(At(1, 10), 40).Expected);
        Assert.Equal(1, baseline.Score(At(5, 10), 400).PValue);
    }

    [Fact]
    public void The_hour_of_week_layout_keeps_each_weekday_apart()
    {
        var baseline = new SeasonalRateBaseline(SeasonalLayout.HourOfWeek, warmup: 1);
        baseline.Observe(At(0, 10), 40);
        Assert.Equal(1, baseline.Score(At(1, 10), 400).PValue);
        Assert.Equal(40, baseline.Score(At(7, 10), 40).Expected);
    }

    [Fact]
    public void A_steady_bucket_gets_the_exact_poisson_tail()
    {
        // Mean 2, no spread: P(X >= 10 | λ = 2) dominates the normal tail at sqrt(2).
        var baseline = new SeasonalRateBaseline(warmup: 2);
        baseline.Observe(At(0, 4), 2);
        baseline.Observe(At(0, 4), 2);

        double tail = 1;
        double term = Math.Exp(-2);
        for (int k = 0; k < 10; k++)
        {
            tail -= term;
            term *= 2.0 / (k + 1);
        }
        var score = baseline.Score(At(0, 4), 10);
        Assert.Equal(2, score.Expected);
        Assert.Equal(8 / Math.Sqrt(2), score.Z, 6);
        Assert.Equal(tail, score.PValue, 1e-9);
    }

    [Fact]
    public void A_count_at_the_expected_level_gets_the_continuity_corrected_normal_tail_when_that_is_larger()
    {
        // λ = 10: P(X >= 10) = 0.5421 < Φ(0.5 / sqrt(10)) = 0.5628.
        var baseline = new SeasonalRateBaseline(warmup: 2);
        baseline.Observe(At(0, 4), 10);
        baseline.Observe(At(0, 4), 10);

        var score = baseline.Score(At(0, 4), 10);
        Assert.Equal(0, score.Z);
        Assert.Equal(Normal.CDF(0, 1, 0.5 / Math.Sqrt(10)), score.PValue, 1e-12);
    }

    [Fact]
    public void A_bursty_agents_usual_burst_is_not_flagged_although_a_poisson_would_flag_it()
    {
        var baseline = new SeasonalRateBaseline(warmup: 3);
        for (int week = 0; week < 10; week++)
            baseline.Observe(At(week * 7, 11), week % 2 == 0 ? 0 : 100);

        var score = baseline.Score(At(70, 11), 100);
        Assert.True(1 - Poisson.CDF(score.Expected, 99) < 1e-6);
        Assert.True(score.PValue > 0.1);
    }

    [Fact]
    public void One_huge_burst_barely_moves_the_baseline_it_is_scored_against()
    {
        var baseline = OfficeHoursAgent(SeasonalLayout.HourOfDayByDayType);
        double before = baseline.Score(At(28, 10), 50).Expected;
        baseline.Observe(At(28, 10), 100_000);
        double after = baseline.Score(At(29, 10), 50).Expected;
        Assert.InRange(after - before, 0, 3);
    }

    [Fact]
    public void A_bucket_in_warm_up_gives_no_evidence()
    {
        var baseline = new SeasonalRateBaseline(warmup: 3);
        baseline.Observe(At(0, 2), 1);
        baseline.Observe(At(0, 2), 1);
        var score = baseline.Score(At(0, 2), 1000);
        Assert.Equal(0, score.Z);
        Assert.Equal(1, score.PValue);
    }

    [Fact]
    public void A_round_trip_scores_identically()
    {
        var baseline = OfficeHoursAgent(SeasonalLayout.HourOfWeek);
        var copy = Serialized.RoundTrip(baseline);
        Assert.Equal(Serialized.Bytes(baseline), Serialized.Bytes(copy));
        for (int hour = 0; hour < 24; hour++)
            Assert.Equal(baseline.Score(At(30, hour), 20), copy.Score(At(30, hour), 20));
    }

    [Fact]
    public void Observing_and_scoring_do_not_allocate()
    {
        var baseline = OfficeHoursAgent(SeasonalLayout.HourOfDayByDayType);
        int i = 0;
        Assert.Equal(0, Allocations.Of(() =>
        {
            baseline.Observe(At(40, i % 24), 30);
            baseline.Score(At(41, i++ % 24), 30);
        }));
    }
}
