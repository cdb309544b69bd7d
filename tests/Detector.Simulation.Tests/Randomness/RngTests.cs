using Detector.Simulation.Randomness;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Simulation.Tests.Randomness;

public sealed class RngTests
{
    [Fact]
    public void Xoshiro256StarStar_matches_the_reference_implementation_from_state_1_2_3_4()
    {
        var rng = new Rng(1, 2, 3, 4);
        ulong[] first = [rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64()];
        Assert.Equal([11520UL, 0UL, 1509978240UL, 1215971899390074240UL], first);
    }

    [Fact]
    public void SplitMix64_matches_the_reference_implementation_from_seed_zero()
    {
        ulong state = 0;
        ulong[] first = [SplitMix64.Next(ref state), SplitMix64.Next(ref state), SplitMix64.Next(ref state)];
        Assert.Equal([0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL, 0x06C45D188009454FUL], first);
    }

    [Fact]
    public void Derived_streams_repeat_for_the_same_key_and_differ_between_keys()
    {
        ulong Draw(ulong key) => Rng.Derive(5, StreamPurpose.Session, key).NextUInt64();
        Assert.Equal(Draw(1), Draw(1));
        Assert.NotEqual(Draw(1), Draw(2));
        Assert.NotEqual(Rng.Derive(5, StreamPurpose.Session, 1).NextUInt64(), Rng.Derive(6, StreamPurpose.Session, 1).NextUInt64());
        Assert.NotEqual(Rng.Derive(5, StreamPurpose.Session, 1).NextUInt64(), Rng.Derive(5, StreamPurpose.Schedule, 1).NextUInt64());
    }

    [Fact]
    public void Bounded_draws_stay_within_their_bounds()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<short>(), ArbMap.Default.ArbFor<byte>(), (seed, lo, span) =>
        {
            var rng = new Rng((ulong)seed);
            for (int i = 0; i < 50; i++)
            {
                int x = rng.Between(lo, lo + span);
                double u = rng.NextDouble();
                if (x < lo || x > lo + span || u < 0 || u >= 1)
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Weighted_picks_never_choose_a_zero_weight()
    {
        var rng = new Rng(3);
        for (int i = 0; i < 10_000; i++)
            Assert.True(rng.PickIndex([0.5, 0, 2, 0]) is 0 or 2);
    }

    [Fact]
    public void Poisson_counts_average_to_their_mean()
    {
        var rng = new Rng(11);
        foreach (double mean in new[] { 0.5, 4, 12, 45 })
        {
            double average = Enumerable.Range(0, 20_000).Average(_ => rng.Poisson(mean));
            Assert.InRange(average, mean * 0.95, mean * 1.05);
        }
    }
}
