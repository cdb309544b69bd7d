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
            set.Observe(key, (uint)key);
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
        for (uint tick = 1; tick <= 5000; tick++)
        {
            for (ulong hot = 1; hot <= 8; hot++)
                set.Observe(hot, tick);
            Assert.True(set.Observe(1_000_000 + tick, tick));
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
        for (uint i = 0; i < 40; i++)
            set.Observe(i % 23, i);
        var copy = Serialized.RoundTrip(set);

        Assert.Equal(Serialized.Bytes(set), Serialized.Bytes(copy));
        Assert.Equal(set.Count, copy.Count);
        Assert.Equal(set.Evictions, copy.Evictions);
        for (ulong key = 0; key < 23; key++)
            Assert.Equal(set.CountOf(key), copy.CountOf(key));
        Assert.Equal(set.Observe(500, 100), copy.Observe(500, 100));
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
        Assert.Equal(0, Allocations.Of(() => set.Observe(key++ % 100, (uint)key)));
    }
}
