using Detector.Scoring.State;
using Xunit;

namespace Detector.Scoring.Tests.State;

public sealed class BoundedLruMapTests
{
    [Fact]
    public void When_full_the_least_recently_used_entry_is_evicted_and_reported()
    {
        var evicted = new List<(int, string)>();
        var map = new BoundedLruMap<int, string>(3) { Evicted = (k, v) => evicted.Add((k, v)) };
        map.Set(1, "a");
        map.Set(2, "b");
        map.Set(3, "c");
        Assert.True(map.TryGet(1, out _)); // 2 is now the least recent

        map.Set(4, "d");

        Assert.Equal([(2, "b")], evicted);
        Assert.Equal(1, map.Evictions);
        Assert.Equal(3, map.Count);
        Assert.False(map.TryPeek(2, out _));
        Assert.Equal([4, 1, 3], map.Entries().Select(e => e.Key));
    }

    [Fact]
    public void Peeking_does_not_refresh_an_entry_but_getting_does()
    {
        var map = new BoundedLruMap<int, int>(2);
        map.Set(1, 10);
        map.Set(2, 20);
        Assert.True(map.TryPeek(1, out int peeked));
        Assert.Equal(10, peeked);
        Assert.True(map.TryPeekOldest(out int oldest, out _));
        Assert.Equal(1, oldest);

        Assert.True(map.TryGet(1, out _));
        Assert.True(map.TryPeekOldest(out oldest, out _));
        Assert.Equal(2, oldest);
    }

    [Fact]
    public void A_removed_key_is_gone_and_its_slot_is_reused_without_eviction()
    {
        var map = new BoundedLruMap<string, int>(2);
        map.Set("a", 1);
        map.Set("b", 2);
        Assert.True(map.Remove("a"));
        Assert.False(map.Remove("a"));
        map.Set("c", 3);

        Assert.Equal(0, map.Evictions);
        Assert.Equal(2, map.Count);
        Assert.False(map.TryGet("a", out _));
        Assert.True(map.TryGet("b", out int b));
        Assert.Equal(2, b);
        map.RemoveOldest(); // "c": "b" was just read
        Assert.Equal(["b"], map.Entries().Select(e => e.Key));
    }

    [Fact]
    public void Growing_past_the_first_slot_array_keeps_every_entry()
    {
        var map = new BoundedLruMap<ulong, ulong>(10_000);
        for (ulong k = 0; k < 5_000; k++)
            map.Set(k * 0x1_0000_0000UL, k); // hashes that differ only in their high bits
        Assert.Equal(5_000, map.Count);
        for (ulong k = 0; k < 5_000; k++)
        {
            Assert.True(map.TryPeek(k * 0x1_0000_0000UL, out ulong v));
            Assert.Equal(k, v);
        }
    }

    [Fact]
    public void Random_operations_agree_with_a_plain_list_kept_in_recency_order()
    {
        // Keys that all hash alike put every entry in one chain: unchaining from its middle is exercised too.
        var map = new BoundedLruMap<Colliding, int>(40);
        var reference = new List<(Colliding Key, int Value)>(); // most recent first
        var random = new Random(11);
        for (int step = 0; step < 20_000; step++)
        {
            var key = new Colliding(random.Next(60));
            int index = reference.FindIndex(e => e.Key.Equals(key));
            switch (random.Next(4))
            {
                case 0:
                    map.Set(key, step);
                    if (index >= 0)
                        reference.RemoveAt(index);
                    else if (reference.Count == 40)
                        reference.RemoveAt(39);
                    reference.Insert(0, (key, step));
                    break;
                case 1:
                    Assert.Equal(index >= 0, map.TryGet(key, out int got));
                    if (index >= 0)
                    {
                        Assert.Equal(reference[index].Value, got);
                        var entry = reference[index];
                        reference.RemoveAt(index);
                        reference.Insert(0, entry);
                    }
                    break;
                case 2:
                    Assert.Equal(index >= 0, map.Remove(key));
                    if (index >= 0)
                        reference.RemoveAt(index);
                    break;
                default:
                    Assert.Equal(index >= 0, map.TryPeek(key, out _));
                    break;
            }
            Assert.Equal(reference.Count, map.Count);
        }
        Assert.Equal(reference.Select(e => (e.Key, e.Value)), map.Entries().Select(e => (e.Key, e.Value)));
    }

    private readonly record struct Colliding(int Id)
    {
        public override int GetHashCode() => 7;
    }
}
