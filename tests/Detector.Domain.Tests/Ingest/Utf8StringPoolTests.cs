using Detector.Domain.Ingest;
using Xunit;

namespace Detector.Domain.Tests.Ingest;

public sealed class Utf8StringPoolTests
{
    [Fact]
    public void A_value_is_shared_from_its_second_sighting_on()
    {
        var pool = new Utf8StringPool(64);
        string first = pool.GetOrAdd("crm.lookup"u8);
        string second = pool.GetOrAdd("crm.lookup"u8);
        string third = pool.GetOrAdd("crm.lookup"u8);

        Assert.Equal("crm.lookup", first);
        Assert.NotSame(first, second);
        Assert.Same(second, third);
        Assert.Equal(1, pool.Hits);
        Assert.Equal(2, pool.Misses);
    }

    [Fact]
    public void A_value_known_to_recur_is_shared_from_its_first_sighting()
    {
        var pool = new Utf8StringPool(64);
        string first = pool.GetOrAdd("ses_1"u8, recurs: true);
        string second = pool.GetOrAdd("ses_1"u8);

        Assert.Same(first, second);
        Assert.Equal(1, pool.Hits);
    }

    [Theory]
    [InlineData("crm/acme")]
    [InlineData("crm/zürich")]
    public void Ascii_and_other_values_are_matched_exactly(string value)
    {
        var pool = new Utf8StringPool(64);
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(value);
        string shared = pool.GetOrAdd(utf8, recurs: true);

        Assert.Same(shared, pool.GetOrAdd(utf8));
        Assert.Equal(value + "x", pool.GetOrAdd(System.Text.Encoding.UTF8.GetBytes(value + "x")));
        Assert.Equal(1, pool.Hits);
    }

    [Fact]
    public void Memory_stays_bounded_under_a_flood_of_one_off_values()
    {
        var pool = new Utf8StringPool(16);
        string kept = pool.GetOrAdd("agent-7"u8, recurs: true);
        for (int i = 0; i < 10_000; i++)
            Assert.Equal($"id-{i}", pool.GetOrAdd(System.Text.Encoding.UTF8.GetBytes($"id-{i}")));

        // One-off values never pass the doorkeeper, so they cannot displace a recurring one.
        Assert.Same(kept, pool.GetOrAdd("agent-7"u8));
    }
}
