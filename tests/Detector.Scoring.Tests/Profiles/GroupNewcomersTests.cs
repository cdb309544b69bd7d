using Detector.Domain.Time;
using Detector.Scoring.Profiles;
using Xunit;

namespace Detector.Scoring.Tests.Profiles;

public sealed class GroupNewcomersTests
{
    private const ulong Tool = 0xA11CE;
    private const ulong First = 1, Second = 2, Third = 3;

    private static readonly EventTime Start = EventTime.FromDateTimeOffset(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private static readonly EventTime Later = Start + TimeSpan.FromDays(3);

    [Fact]
    public void Values_met_on_the_groups_first_day_are_its_vocabulary_not_newcomers()
    {
        var newcomers = new GroupNewcomers();

        Assert.False(newcomers.Adopt(Tool, First, Start, newToGroup: true));
        newcomers.Adopt(Tool, Second, Start + TimeSpan.FromHours(2), newToGroup: false);

        Assert.Equal(0, newcomers.OtherAdopters(Tool, Third, Start + TimeSpan.FromHours(3)));
    }

    [Fact]
    public void One_agent_using_a_new_value_again_and_again_stays_one_adopter()
    {
        var newcomers = Established();

        Assert.True(newcomers.Adopt(Tool, First, Later, newToGroup: true));
        for (int i = 1; i <= 50; i++)
            Assert.False(newcomers.Adopt(Tool, First, Later + TimeSpan.FromMinutes(i), newToGroup: false));

        Assert.Equal(0, newcomers.OtherAdopters(Tool, First, Later + TimeSpan.FromHours(1)));
        Assert.Equal(1, newcomers.OtherAdopters(Tool, Second, Later + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_second_adopter_makes_the_value_role_wide_for_both_and_for_the_rest_of_the_group()
    {
        var newcomers = Established();
        newcomers.Adopt(Tool, First, Later, newToGroup: true);
        Assert.True(newcomers.Adopt(Tool, Second, Later + TimeSpan.FromHours(1), newToGroup: false));

        var now = Later + TimeSpan.FromHours(2);
        Assert.Equal(1, newcomers.OtherAdopters(Tool, First, now));
        Assert.Equal(1, newcomers.OtherAdopters(Tool, Second, now));
        Assert.Equal(2, newcomers.OtherAdopters(Tool, Third, now));
    }

    [Fact]
    public void A_newcomer_stops_counting_once_it_is_no_longer_recent()
    {
        var newcomers = Established();
        newcomers.Adopt(Tool, First, Later, newToGroup: true);
        newcomers.Adopt(Tool, Second, Later, newToGroup: false);

        Assert.Equal(2, newcomers.OtherAdopters(Tool, Third, Later + GroupNewcomers.Recent - TimeSpan.FromMinutes(1)));
        Assert.Equal(0, newcomers.OtherAdopters(Tool, Third, Later + GroupNewcomers.Recent));
    }

    [Fact]
    public void A_value_the_group_already_used_does_not_start_tracking()
    {
        var newcomers = Established();

        Assert.False(newcomers.Adopt(Tool, First, Later, newToGroup: false));
        Assert.Equal(0, newcomers.OtherAdopters(Tool, Second, Later));
    }

    [Fact]
    public void The_table_round_trips_through_its_binary_form()
    {
        var newcomers = Established();
        newcomers.Adopt(Tool, First, Later, newToGroup: true);
        newcomers.Adopt(Tool, Second, Later, newToGroup: false);

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            newcomers.Write(writer);
        stream.Position = 0;
        var copy = GroupNewcomers.Read(new BinaryReader(stream));

        Assert.Equal(2, copy.OtherAdopters(Tool, Third, Later));
        Assert.Equal(1, copy.OtherAdopters(Tool, First, Later));
        Assert.False(copy.Adopt(Tool, Second, Later, newToGroup: false));
    }

    /// <summary>A table whose group started two days before <see cref="Later"/>'s first day, past its founding day.</summary>
    private static GroupNewcomers Established()
    {
        var newcomers = new GroupNewcomers();
        newcomers.Adopt(0xF00D, 99, Start, newToGroup: true);
        return newcomers;
    }
}
