using Detector.Domain.Time;
using Detector.Scoring.Profiles;
using Xunit;

namespace Detector.Scoring.Tests.Profiles;

public sealed class YoungDestinationsTests
{
    private static readonly EventTime Start = new(new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc).Ticks);

    private static EventTime Day(double days) => Start + TimeSpan.FromDays(days);

    [Fact]
    public void Follows_the_growing_run_that_ends_with_the_last_transfer()
    {
        var young = new YoungDestinations();
        young.Record(1, Day(0), 100, isNew: true);
        young.Record(1, Day(1), 200, isNew: false);
        young.Record(1, Day(2), 400, isNew: false);

        Assert.True(young.TryGet(1, Day(3), out var grown));
        Assert.Equal(new YoungDestination(3, 400, 3, 3), grown);

        young.Record(1, Day(3), 50, isNew: false);
        young.Record(1, Day(4), 60, isNew: false);
        Assert.True(young.TryGet(1, Day(4), out var restarted));
        Assert.Equal(5, restarted.Transfers);
        Assert.Equal(2, restarted.GrowingRun);
    }

    [Fact]
    public void Tracks_only_destinations_that_started_new_and_only_while_young()
    {
        var young = new YoungDestinations();
        young.Record(1, Day(0), 100, isNew: false);
        young.Record(2, Day(0), 100, isNew: true);

        Assert.False(young.TryGet(1, Day(0), out _));
        Assert.True(young.TryGet(2, Day(13.9), out _));
        Assert.False(young.TryGet(2, Day(14), out _));
    }

    [Fact]
    public void A_growing_campaign_outlasts_a_busy_agents_one_off_destinations()
    {
        var young = new YoungDestinations();
        young.Record(999, Day(0), 100, isNew: true);
        young.Record(999, Day(1), 200, isNew: false);
        for (int i = 0; i < 3 * YoungDestinations.Slots; i++)
            young.Record((ulong)i + 1, Day(1 + i / 10.0), 5_000, isNew: true);

        Assert.True(young.TryGet(999, Day(6), out var campaign));
        Assert.Equal(2, campaign.GrowingRun);
        // The one-offs turned over, newest kept.
        Assert.True(young.TryGet(3 * YoungDestinations.Slots, Day(6), out _));
        Assert.False(young.TryGet(1, Day(6), out _));
    }

    [Fact]
    public void An_expired_entry_makes_room_before_a_young_one()
    {
        var young = new YoungDestinations();
        for (int i = 0; i < YoungDestinations.Slots; i++)
            young.Record((ulong)i + 1, Day(i == 0 ? 0 : 10), 100, isNew: true);

        young.Record(100, Day(15), 100, isNew: true);

        for (int i = 1; i < YoungDestinations.Slots; i++)
            Assert.True(young.TryGet((ulong)i + 1, Day(15), out _));
        Assert.True(young.TryGet(100, Day(15), out _));
    }

    [Fact]
    public void Survives_a_write_and_read()
    {
        var young = new YoungDestinations();
        young.Record(7, Day(0), 100, isNew: true);
        young.Record(7, Day(1), 300, isNew: false);
        young.Record(8, Day(2), 900, isNew: true);

        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            young.Write(w);
        buffer.Position = 0;
        using var r = new BinaryReader(buffer);
        var read = YoungDestinations.Read(r);

        Assert.True(read.TryGet(7, Day(3), out var seven));
        Assert.Equal(new YoungDestination(2, 300, 2, 3), seven);
        Assert.True(read.TryGet(8, Day(3), out var eight));
        Assert.Equal(new YoungDestination(1, 900, 1, 1), eight);
        Assert.Equal(buffer.Length, buffer.Position);
    }

    [Fact]
    public void An_empty_table_writes_one_byte_and_reads_back_empty()
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            new YoungDestinations().Write(w);
        Assert.Equal(1, buffer.Length);
        buffer.Position = 0;
        using var r = new BinaryReader(buffer);
        Assert.False(YoungDestinations.Read(r).TryGet(1, Day(0), out _));
    }
}
