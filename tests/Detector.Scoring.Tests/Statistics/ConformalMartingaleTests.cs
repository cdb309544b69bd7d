using Detector.Scoring.Statistics;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

public sealed class ConformalMartingaleTests
{
    private static int StepsToAlarm(ConformalMartingale martingale, Func<double> next, int limit, out ChangeDirection direction)
    {
        for (int step = 1; step <= limit; step++)
        {
            var signal = martingale.Update(next());
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
        for (int seed = 1; seed <= 10; seed++)
        {
            var random = new Random(seed);
            var martingale = new ConformalMartingale(seed: (ulong)seed);
            Assert.Equal(-1, StepsToAlarm(martingale, () => Normal.Sample(random, 100, 5), 200, out _));

            int delay = StepsToAlarm(martingale, () => Normal.Sample(random, shiftedMean, 5), 50, out var direction);
            Assert.InRange(delay, 1, 16);
            Assert.Equal(expected, direction);
        }
    }

    [Fact]
    public void A_jump_in_a_poisson_count_is_flagged_without_assuming_any_distribution()
    {
        // About 1 run in 70 has a false alarm within 200 values; the seeds are fixed, so this one never does.
        var random = new Random(5);
        var martingale = new ConformalMartingale(seed: 5);
        Assert.Equal(-1, StepsToAlarm(martingale, () => Poisson.Sample(random, 3), 200, out _));
        Assert.InRange(StepsToAlarm(martingale, () => Poisson.Sample(random, 12), 50, out var direction), 1, 16);
        Assert.Equal(ChangeDirection.Up, direction);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Stationary_noise_raises_no_alarm_over_a_long_run(int seed)
    {
        var random = new Random(seed);
        var martingale = new ConformalMartingale(seed: (ulong)seed);
        Assert.Equal(-1, StepsToAlarm(martingale, () => Normal.Sample(random, 100, 5), 2000, out _));
    }

    [Fact]
    public void One_extreme_value_after_a_steady_bag_raises_log_m_by_the_power_martingales_full_bet()
    {
        // Nothing in the bag is as strange, so p <= 1/(bag + 1) and log(ε p^(ε-1)) >= log ε + (1 - ε) log(bag + 1).
        const int bag = 24;
        const double epsilon = 0.35;
        var martingale = new ConformalMartingale(bag, lag: 8, epsilon: epsilon);
        for (int i = 0; i < bag + 8; i++)
            Assert.Equal(0, martingale.Update(50).Statistic);

        var signal = martingale.Update(500);
        Assert.True(signal.Statistic >= Math.Log(epsilon) + (1 - epsilon) * Math.Log(bag + 1) - 1e-12);
    }

    [Fact]
    public void Non_finite_values_are_ignored()
    {
        var martingale = new ConformalMartingale();
        Assert.False(martingale.Update(double.NaN).IsAlarm);
        Assert.Equal(0, martingale.Update(double.NegativeInfinity).Statistic);
    }

    [Fact]
    public void A_round_trip_continues_with_the_same_randomness_and_the_same_alarms()
    {
        var random = new Random(6);
        var martingale = new ConformalMartingale(seed: 6);
        for (int i = 0; i < 100; i++)
            martingale.Update(Poisson.Sample(random, 5));
        var copy = Serialized.RoundTrip(martingale);
        Assert.Equal(Serialized.Bytes(martingale), Serialized.Bytes(copy));

        for (int i = 0; i < 40; i++)
        {
            double x = Poisson.Sample(random, i < 10 ? 5 : 20);
            Assert.Equal(martingale.Update(x), copy.Update(x));
        }
    }

    [Fact]
    public void Updating_does_not_allocate()
    {
        var martingale = new ConformalMartingale();
        int i = 0;
        Assert.Equal(0, Allocations.Of(() => martingale.Update(10 + (i++ % 5))));
    }
}
