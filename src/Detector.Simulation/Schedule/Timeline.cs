using Detector.Domain.Time;

namespace Detector.Simulation.Schedule;

/// <summary>The simulated period: history days, then test days on the same timeline, and the mid-test rollout.</summary>
internal sealed class Timeline
{
    public Timeline(DateTimeOffset start, int historyDays, int testDays)
    {
        Start = EventTime.FromDateTimeOffset(start);
        HistoryDays = historyDays;
        TestDays = testDays;
        TestStart = DayStart(historyDays);
        // Midway through the test period, so the detector sees the role both before and after;
        // the tenant onboarding a third of the way in, so its novelty recurs for days.
        RolloutAt = TestStart + TimeSpan.FromHours(12 * testDays);
        OnboardingAt = TestStart + TimeSpan.FromHours(8 * testDays);
    }

    public EventTime Start { get; }

    public int HistoryDays { get; }

    public int TestDays { get; }

    public int TotalDays => HistoryDays + TestDays;

    public EventTime TestStart { get; }

    public EventTime RolloutAt { get; }

    public EventTime OnboardingAt { get; }

    public EventTime DayStart(int day) => Start + TimeSpan.FromDays(day);

    public bool IsTestDay(int day) => day >= HistoryDays;

    public DayOfWeek DayOfWeek(int day) => DayStart(day).ToDateTimeOffset().DayOfWeek;
}
