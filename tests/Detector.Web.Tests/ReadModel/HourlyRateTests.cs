using Detector.Domain.Time;
using Detector.Web.ReadModel;
using Xunit;

namespace Detector.Web.Tests.ReadModel;

public sealed class HourlyRateTests
{
    private static readonly EventTime Monday = EventTime.Parse("2026-01-05T00:00:00Z");

    [Fact]
    public void A_daily_routine_gives_each_hour_of_day_its_own_band_and_a_burst_falls_above_it()
    {
        var rate = new HourlyRate(72);
        for (int day = 0; day < 3; day++)
        {
            for (int i = 0; i < 10 + day; i++)
                rate.Add(Monday + TimeSpan.FromDays(day) + TimeSpan.FromHours(10) + TimeSpan.FromMinutes(i));
        }
        for (int i = 0; i < 40; i++)
            rate.Add(Monday + TimeSpan.FromDays(3) + TimeSpan.FromHours(3) + TimeSpan.FromMinutes(i));

        var points = rate.Points();
        Assert.Equal(72, points.Count);
        var burst = points[^1];
        Assert.Equal(Monday + TimeSpan.FromDays(3) + TimeSpan.FromHours(3), burst.Hour);
        Assert.Equal(40, burst.Events);
        Assert.True(burst.Events > burst.High, "3 a.m. was quiet on every earlier day");
        var ten = points.Last(p => p.Hour.HourOfDay == 10);
        Assert.InRange(ten.Expected!.Value, 10, 12);
        Assert.True(ten.Low <= 10 && ten.High >= 12);
    }

    [Fact]
    public void Hours_without_events_count_as_zero_and_a_long_silence_clears_the_chart()
    {
        var rate = new HourlyRate(24);
        rate.Add(Monday);
        rate.Add(Monday + TimeSpan.FromHours(2));
        Assert.Equal([1, 0, 1], rate.Points().TakeLast(3).Select(p => p.Events));

        rate.Add(Monday + TimeSpan.FromDays(30));

        Assert.Equal(1, rate.Points().Sum(p => p.Events));
    }
}
