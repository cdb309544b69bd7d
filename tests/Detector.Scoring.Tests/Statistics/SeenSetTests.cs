using Detector.Scoring.Statistics;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

public sealed class SeenSetTests
{
    [Fact]
    public void A_key_is_novel_the_first_time_only_and_its_uses_are_counted()
    {
        var set = new SeenSet(16, 4);
        Assert.True(set.Observe(42, 1));
        Assert.False(set.Observe(42, 2));
        Assert.False(set.Observe(42, 3));
        Assert.Equal(3u, set.CountOf(42));
        Assert.Equal(0u, set.CountOf(43));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void Small_sequential_keys_spread_over_the_table_without_evictions()
    {
        var set = new SeenSet(64, 8);
        for (ulong key = 0; key < 40; key++)
            Assert.True(set.Observe(key, 1));
        Assert.Equal(40, set.Count);
        Assert.Equal(0, set.Evictions);
    }

    [Fact]
    public void When_full_the_least_recently_seen_key_is_evicted()
    {
        var set = new SeenSet(4, 4);
        for (ulong key = 1; key <= 4; key++)
            set.Observe(key, (ushort)key);
        set.Observe(1, 10);

        Assert.True(set.Observe(99, 11));
        Assert.Equal(1, set.Evictions);
        Assert.Equal(0u, set.CountOf(2));
        Assert.False(set.Observe(1, 12));
        Assert.False(set.Observe(3, 12));
        Assert.False(set.Observe(4, 12));
    }

    [Fact]
    public void Eviction_keeps_the_keys_an_agent_uses_all_the_time()
    {
        // Eight everyday destinations used every tick among a stream of one-off ones.
        var set = new SeenSet(64, 8);
        for (ushort tick = 1; tick <= 5000; tick++)
        {
            for (ulong hot = 1; hot <= 8; hot++)
                set.Observe(hot, tick);
            Assert.True(set.Observe(1_000_000UL + tick, tick));
        }
        for (ulong hot = 1; hot <= 8; hot++)
            Assert.Equal(5000u, set.CountOf(hot));
        Assert.Equal(64, set.Count);
        Assert.Equal(5000 - (64 - 8), set.Evictions);
    }

    [Fact]
    public void An_evicted_key_seen_again_is_reported_as_novel_and_the_evictions_say_so()
    {
        var set = new SeenSet(2, 2);
        set.Observe(1, 1);
        set.Observe(2, 2);
        set.Observe(3, 3);
        Assert.Equal(1, set.Evictions);
        Assert.True(set.Observe(1, 4));
        Assert.Equal(2, set.Evictions);
    }

    [Fact]
    public void A_late_tick_does_not_make_a_key_look_staler()
    {
        var set = new SeenSet(2, 2);
        set.Observe(1, 10);
        set.Observe(1, 5);
        set.Observe(2, 7);
        set.Observe(3, 8);
        Assert.Equal(0u, set.CountOf(2));
        Assert.Equal(2u, set.CountOf(1));
    }

    [Fact]
    public void Entries_lists_every_held_key_with_its_count()
    {
        var set = new SeenSet(16, 4);
        set.Observe(5, 1);
        set.Observe(9, 2);
        set.Observe(5, 3);

        var entries = set.Entries().OrderBy(e => e.Key).ToArray();
        Assert.Equal([(5UL, 2u), (9UL, 1u)], entries);
    }

    [Fact]
    public void A_round_trip_keeps_keys_counts_ticks_and_evictions()
    {
        var set = new SeenSet(16, 4);
        for (ushort i = 0; i < 40; i++)
            set.Observe(i % 23u, i);
        var copy = Serialized.RoundTrip(set);

        Assert.Equal(Serialized.Bytes(set), Serialized.Bytes(copy));
        Assert.Equal(set.Count, copy.Count);
        Assert.Equal(set.Evictions, copy.Evictions);
        for (ulong key = 0; key < 23; key++)
            Assert.Equal(set.CountOf(key), copy.CountOf(key));
        Assert.Equal(set.Observe(500, 100), copy.Observe(500, 100));
    }

    [Fact]
    public void The_table_grows_with_the_keys_held_up_to_its_capacity()
    {
        var set = new SeenSet(64, 8);
        Assert.Equal(4, set.Slots);
        for (ulong key = 0; key < 3; key++)
            set.Observe(key, 1);
        Assert.Equal(4, set.Slots);
        for (ulong key = 3; key < 40; key++)
            set.Observe(key, 1);
        Assert.Equal(64, set.Slots);
        for (ulong key = 0; key < 40; key++)
            Assert.Equal(1u, set.CountOf(key));
        for (ulong key = 40; key < 1000; key++)
            set.Observe(key, 2);
        Assert.Equal(64, set.Slots);
        Assert.Equal(1000 - 64, set.Evictions);
    }

    [Fact]
    public void A_count_saturates_instead_of_wrapping()
    {
        var set = new SeenSet(4, 4);
        for (int i = 0; i < 70_000; i++)
            set.Observe(7, 1);
        Assert.Equal(SeenSet.MaxCount, set.CountOf(7));
    }

    [Fact]
    public void A_set_written_in_format_1_reads_with_its_minute_ticks_as_days()
    {
        // Format 1: a full-size table, 32-bit counts, ticks in minutes (key 10 twice by minute 2,000; key 11 once at minute 100).
        var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write((byte)6);
            w.Write((byte)1);
            w.Write(4); // capacity
            w.Write(2); // probe limit
            w.Write(0L); // evictions
            w.Write(2); // keys held
            foreach (var (slot, key, count, minute) in new[] { (1, 10UL, 2u, 2000u), (2, 11UL, 1u, 100u) })
            {
                w.Write(slot);
                w.Write(key);
                w.Write(count);
                w.Write(minute);
            }
        }
        var set = Serialized.Read<SeenSet>(stream.ToArray());

        Assert.Equal(4, set.Capacity);
        Assert.Equal(4, set.Slots);
        Assert.Equal(2u, set.CountOf(10));
        Assert.Equal(1u, set.CountOf(11));
        // Key 11 (day 0) is staler than key 10 (day 1, and used more than the newcomers): full windows evict 11, never 10.
        for (ulong key = 12; key < 112; key++)
            set.Observe(key, 1);
        Assert.Equal(0u, set.CountOf(11));
        Assert.Equal(2u, set.CountOf(10));
    }

    [Theory]
    [InlineData(48, 8)]
    [InlineData(64, 0)]
    [InlineData(8, 16)]
    public void Shapes_that_cannot_work_are_refused_at_construction(int capacity, int probeLimit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SeenSet(capacity, probeLimit));
    }

    [Fact]
    public void Observing_does_not_allocate()
    {
        var set = new SeenSet(64, 8);
        ulong key = 0;
        for (ulong k = 0; k < 64; k++)
            set.Observe(k, 1); // grown to its capacity: growing allocates, observing does not
        Assert.Equal(0, Allocations.Of(() => set.Observe(key++ % 100, (ushort)key)));
    }
}
