using Detector.Scoring.Statistics;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

public sealed class SelfStartingCusumTests
{
    private static int StepsToAlarm(SelfStartingCusum cusum, ref CusumState state, Random random, double mean, double sd, int limit, out ChangeDirection direction)
    {
        for (int step = 1; step <= limit; step++)
        {
            var signal = cusum.Update(ref state, Normal.Sample(random, mean, sd));
            if (signal.IsAlarm)
            {
                direction = signal.Alarm;
                return step;
            }
        }
        direction = ChangeDirection.None;
        return -1;
    }

    [Theory]
    [InlineData(115.0, ChangeDirection.Up)]
    [InlineData(85.0, ChangeDirection.Down)]
    public void A_three_sigma_level_shift_is_flagged_within_a_few_points_in_its_direction(double shiftedMean, ChangeDirection expected)
    {
        var cusum = new SelfStartingCusum(minimumScale: 1);
        for (int seed = 1; seed <= 10; seed++)
        {
            var random = new Random(seed);
            var state = new CusumState();
            Assert.Equal(-1, StepsToAlarm(cusum, ref state, random, 100, 5, 300, out _));

            int delay = StepsToAlarm(cusum, ref state, random, shiftedMean, 5, 50, out var direction);
            Assert.InRange(delay, 1, 7);
            Assert.Equal(expected, direction);
        }
    }

    [Fact]
    public void Stationary_noise_raises_no_alarm_over_a_long_run()
    {
        // h = 10: Siegmund's approximation puts the two-sided false-alarm interval near 70,000 values.
        var cusum = new SelfStartingCusum(minimumScale: 1, threshold: 10);
        var random = new Random(11);
        var state = new CusumState();
        Assert.Equal(-1, StepsToAlarm(cusum, ref state, random, 100, 5, 5000, out _));
    }

    [Fact]
    public void The_false_alarm_rate_matches_the_in_control_run_length_of_the_textbook_chart()
    {
        // h = 5, k = 0.5: about 470 values between two-sided false alarms, plus 8 warm-up values after
        // each reset, so about 420 alarms in 200,000 values if the self-starting transform is exact.
        var cusum = new SelfStartingCusum(minimumScale: 1, threshold: 5);
        var random = new Random(3);
        var state = new CusumState();
        int alarms = 0;
        for (int i = 0; i < 200_000; i++)
        {
            if (cusum.Update(ref state, Normal.Sample(random, 100, 5)).IsAlarm)
                alarms++;
        }
        Assert.InRange(alarms, 300, 520);
    }

    [Fact]
    public void The_first_tested_value_is_standardised_through_students_t_as_hawkins_prescribes()
    {
        // After 0 and 2: mean 1, sample sd sqrt(2); 10 is t = 9 / (sqrt(2) sqrt(1.5)) with 1 degree of
        // freedom, i.e. Cauchy, whose CDF is 1/2 + atan(t)/π.
        var cusum = new SelfStartingCusum(minimumScale: 1e-9, allowance: 0.5, warmup: 2);
        var state = new CusumState();
        cusum.Update(ref state, 0);
        cusum.Update(ref state, 2);

        double t = 9 / (Math.Sqrt(2) * Math.Sqrt(1.5));
        double u = -Normal.InvCDF(0, 1, 0.5 - Math.Atan(t) / Math.PI);
        var signal = cusum.Update(ref state, 10);

        Assert.Equal(u - 0.5, signal.Statistic, 9);
        Assert.False(signal.IsAlarm);
    }

    [Fact]
    public void A_single_outlier_adds_at_most_the_winsor_limit_less_the_allowance()
    {
        var cusum = new SelfStartingCusum(minimumScale: 1, allowance: 0.5, threshold: 8, winsorLimit: 4);
        var random = new Random(5);
        var state = new CusumState();
        for (int i = 0; i < 200; i++)
            cusum.Update(ref state, Normal.Sample(random, 100, 5));
        double before = state.Upper;

        var signal = cusum.Update(ref state, 1e9);
        Assert.False(signal.IsAlarm);
        Assert.True(state.Upper <= before + 3.5 + 1e-12);
    }

    [Fact]
    public void A_constant_series_does_not_alarm_on_a_change_smaller_than_the_minimum_scale()
    {
        var cusum = new SelfStartingCusum(minimumScale: 1);
        var state = new CusumState();
        for (int i = 0; i < 100; i++)
            cusum.Update(ref state, 4);
        for (int i = 0; i < 3; i++)
            Assert.False(cusum.Update(ref state, 5).IsAlarm);
    }

    [Fact]
    public void Warm_up_values_and_non_finite_values_are_never_alarms()
    {
        var cusum = new SelfStartingCusum(minimumScale: 1, warmup: 8);
        var state = new CusumState();
        for (int i = 0; i < 8; i++)
            Assert.Equal(new ChangeSignal(0, ChangeDirection.None), cusum.Update(ref state, i * 1000));
        Assert.False(cusum.Update(ref state, double.NaN).IsAlarm);
        Assert.False(cusum.Update(ref state, double.PositiveInfinity).IsAlarm);
        Assert.Equal(8, state.Count);
    }

    [Fact]
    public void An_alarm_resets_the_state_so_the_new_level_is_learned_afresh()
    {
        var cusum = new SelfStartingCusum(minimumScale: 1);
        var random = new Random(8);
        var state = new CusumState();
        for (int i = 0; i < 100; i++)
            cusum.Update(ref state, Normal.Sample(random, 100, 5));
        Assert.NotEqual(-1, StepsToAlarm(cusum, ref state, random, 200, 5, 20, out _));

        Assert.Equal(default, state);
        Assert.Equal(-1, StepsToAlarm(cusum, ref state, random, 200, 5, 1000, out _));
    }

    [Fact]
    public void A_round_trip_continues_exactly_where_it_left_off()
    {
        var cusum = new SelfStartingCusum(minimumScale: 1);
        var random = new Random(2);
        var state = new CusumState();
        for (int i = 0; i < 50; i++)
            cusum.Update(ref state, Normal.Sample(random, 10, 2));
        var copy = Serialized.RoundTrip(state);

        Assert.Equal(state, copy);
        for (int i = 0; i < 20; i++)
        {
            double x = 14 + i;
            Assert.Equal(cusum.Update(ref state, x), cusum.Update(ref copy, x));
        }
    }

    [Fact]
    public void Updating_does_not_allocate()
    {
        var cusum = new SelfStartingCusum(minimumScale: 1);
        var state = new CusumState();
        int i = 0;
        Assert.Equal(0, Allocations.Of(() => cusum.Update(ref state, 100 + (i++ % 7))));
    }
}
