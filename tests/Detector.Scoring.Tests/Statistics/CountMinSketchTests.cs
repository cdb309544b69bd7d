using Detector.Domain.Ingest;
using Detector.Scoring.Statistics;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

public sealed class CountMinSketchTests
{
    private static ulong KeyOf(int rank) => StableHash.Of("destination-" + rank.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>100,000 draws from a Zipf(1.1) law over 20,000 keys: a few heavy hitters, a long tail.</summary>
    private static (CountMinSketch Sketch, Dictionary<ulong, long> Exact) ZipfStream(double epsilon, double delta)
    {
        var sketch = new CountMinSketch(epsilon, delta);
        var exact = new Dictionary<ulong, long>();
        var zipf = new ZipfRanks(1.1, 20_000, 41);
        for (int i = 0; i < 100_000; i++)
        {
            ulong key = KeyOf(zipf.Next());
            sketch.Add(key);
            exact[key] = exact.GetValueOrDefault(key) + 1;
        }
        return (sketch, exact);
    }

    [Theory]
    [InlineData(0.01, 0.01, 512, 5)]
    [InlineData(0.05, 0.05, 64, 3)]
    [InlineData(0.001, 0.001, 4096, 7)]
    public void Width_and_depth_follow_from_epsilon_and_delta(double epsilon, double delta, int width, int depth)
    {
        var sketch = new CountMinSketch(epsilon, delta);
        Assert.Equal(width, sketch.Width);
        Assert.Equal(depth, sketch.Depth);
    }

    [Fact]
    public void Estimates_on_a_zipf_stream_never_undercount()
    {
        var (sketch, exact) = ZipfStream(0.01, 0.01);
        foreach (var (key, count) in exact)
            Assert.True(sketch.Estimate(key) >= count);
    }

    [Fact]
    public void Overcounts_on_a_zipf_stream_stay_within_the_error_bound_for_all_but_delta_of_the_keys()
    {
        var (sketch, exact) = ZipfStream(0.01, 0.01);
        Assert.Equal(100_000, sketch.Total);
        int beyond = 0;
        foreach (var (key, count) in exact)
        {
            if (sketch.Estimate(key) - count > sketch.ErrorBound)
                beyond++;
        }
        Assert.True(beyond <= 0.01 * exact.Count);
    }

    [Fact]
    public void Conservative_update_keeps_heavy_hitters_close_to_exact()
    {
        var (sketch, exact) = ZipfStream(0.05, 0.05);
        for (int rank = 1; rank <= 10; rank++)
        {
            long count = exact[KeyOf(rank)];
            Assert.InRange(sketch.Estimate(KeyOf(rank)), count, count + 0.02 * sketch.Total);
        }
    }

    [Fact]
    public void A_key_never_added_usually_estimates_zero_in_a_sparse_sketch()
    {
        var sketch = new CountMinSketch(0.01, 0.01);
        for (int i = 0; i < 50; i++)
            sketch.Add(KeyOf(i), 3);
        Assert.Equal(0u, sketch.Estimate(KeyOf(1_000_000)));
        Assert.Equal(3u, sketch.Estimate(KeyOf(7)));
    }

    [Fact]
    public void Halving_keeps_estimates_above_the_halved_true_counts()
    {
        var sketch = new CountMinSketch(0.05, 0.05);
        var exact = new Dictionary<ulong, long>();
        var zipf = new ZipfRanks(1.2, 2_000, 43);
        for (int round = 0; round < 5; round++)
        {
            for (int i = 0; i < 20_000; i++)
            {
                ulong key = KeyOf(zipf.Next());
                sketch.Add(key);
                exact[key] = exact.GetValueOrDefault(key) + 1;
            }
            sketch.Halve();
            foreach (var key in exact.Keys)
                exact[key] /= 2;
            foreach (var (key, count) in exact)
                Assert.True(sketch.Estimate(key) >= count);
        }
    }

    [Fact]
    public void A_round_trip_gives_the_same_estimates()
    {
        var (sketch, exact) = ZipfStream(0.05, 0.05);
        var copy = Serialized.RoundTrip(sketch);
        Assert.Equal(sketch.Total, copy.Total);
        foreach (var key in exact.Keys)
            Assert.Equal(sketch.Estimate(key), copy.Estimate(key));
    }

    [Fact]
    public void Adding_and_estimating_do_not_allocate()
    {
        var sketch = new CountMinSketch(0.01, 0.01);
        ulong key = 12345;
        Assert.Equal(0, Allocations.Of(() =>
        {
            sketch.Add(key++);
            sketch.Estimate(key);
        }));
    }
}
