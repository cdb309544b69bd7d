using Detector.Domain.Time;
using Detector.Scoring.Bindings;
using Detector.Scoring.Profiles;
using Xunit;

namespace Detector.Scoring.Tests.Bindings;

public sealed class AdoptionTableTests
{
    private static readonly EventTime Noon = EventTime.Parse("2026-01-05T12:00:00Z");

    private const ulong Group = 7;
    private const ulong Value = 42;

    [Fact]
    public void The_two_earliest_adopters_are_kept_whatever_order_their_records_arrive_in()
    {
        var inOrder = new AdoptionTable();
        var shuffled = new AdoptionTable();
        (ulong Agent, int Hour)[] adoptions = [(1, 0), (2, 1), (3, 2)];
        foreach (var (agent, hour) in adoptions)
            inOrder.Record(Group, Value, agent, Noon + TimeSpan.FromHours(hour));
        foreach (var (agent, hour) in adoptions.Reverse())
            shuffled.Record(Group, Value, agent, Noon + TimeSpan.FromHours(hour));

        foreach (var table in new[] { inOrder, shuffled })
        {
            Assert.Equal(1, table.OtherAdopters(Group, Value, agent: 1, Noon + TimeSpan.FromHours(3)));
            Assert.Equal(2, table.OtherAdopters(Group, Value, agent: 3, Noon + TimeSpan.FromHours(3)));
        }
    }

    [Fact]
    public void Only_adoptions_made_by_the_asking_time_count_and_only_while_recent()
    {
        var table = new AdoptionTable();
        table.Record(Group, Value, 1, Noon);
        table.Record(Group, Value, 2, Noon + TimeSpan.FromHours(2));

        Assert.Equal(0, table.OtherAdopters(Group, Value, agent: 1, Noon + TimeSpan.FromHours(1)));
        Assert.Equal(1, table.OtherAdopters(Group, Value, agent: 1, Noon + TimeSpan.FromHours(2)));
        Assert.Equal(0, table.OtherAdopters(Group, Value, agent: 1, Noon + GroupNewcomers.Recent));
        Assert.Equal(0, table.OtherAdopters(Group + 1, Value, agent: 1, Noon + TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_group_keeps_as_many_values_as_a_shards_own_table_the_oldest_making_room()
    {
        var table = new AdoptionTable();
        for (int v = 0; v <= GroupNewcomers.Slots; v++)
        {
            table.Record(Group, (ulong)v + 100, 1, Noon + TimeSpan.FromMinutes(v));
            table.Record(Group, (ulong)v + 100, 2, Noon + TimeSpan.FromMinutes(v));
        }
        var later = Noon + TimeSpan.FromHours(1);

        Assert.Equal(0, table.OtherAdopters(Group, 100, agent: 1, later));
        Assert.Equal(1, table.OtherAdopters(Group, 101, agent: 1, later));
        Assert.Equal(1, table.OtherAdopters(Group, 100 + (ulong)GroupNewcomers.Slots, agent: 1, later));
    }
}
