using Detector.Pipeline.Stages;
using Detector.Pipeline.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Pipeline.Tests.Ordering;

/// <summary>The emitter's reorder buffer releases completions strictly in sequence, whatever order shards finish in.</summary>
public sealed class ReorderBufferTests
{
    /// <summary>A window size and a permutation of that many sequence numbers (the order shards finished in).</summary>
    private static readonly Arbitrary<(int Window, long[] Arrivals)> Permutations =
        (from window in Gen.Choose(1, 64)
         from count in Gen.Choose(0, window)
         from order in Gen.Shuffle(Enumerable.Range(0, count).Select(i => (long)i))
         select (window, order)).ToArbitrary();

    [Fact]
    public void Completions_arriving_in_any_order_within_the_window_are_released_in_sequence()
    {
        SeededProperty.Verify(Prop.ForAll(Permutations, p =>
        {
            var buffer = new ReorderBuffer(p.Window);
            var released = new List<long>();
            var arrived = new HashSet<long>();
            foreach (long seq in p.Arrivals)
            {
                buffer.Put(new Completion { Sequence = seq });
                arrived.Add(seq);
                while (buffer.TryTakeNext(out var next))
                    released.Add(next.Sequence);
                // Released exactly the longest run 0..k-1 that has fully arrived, nothing beyond it.
                long contiguous = 0;
                while (arrived.Contains(contiguous))
                    contiguous++;
                Assert.Equal(contiguous, released.Count);
            }
            Assert.Equal(Enumerable.Range(0, p.Arrivals.Length).Select(i => (long)i), released);
        }), maxTest: 300);
    }

    [Fact]
    public void A_ring_reused_many_times_over_keeps_releasing_in_sequence()
    {
        // Batches of 8 arriving reversed through a window of 8: each slot is reused 100 times.
        var buffer = new ReorderBuffer(8);
        var released = new List<long>();
        for (long batch = 0; batch < 100; batch++)
        {
            for (long seq = batch * 8 + 7; seq >= batch * 8; seq--)
                buffer.Put(new Completion { Sequence = seq });
            while (buffer.TryTakeNext(out var next))
                released.Add(next.Sequence);
        }

        Assert.Equal(Enumerable.Range(0, 800).Select(i => (long)i), released);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(100)]
    public void A_completion_beyond_the_window_or_behind_the_released_ones_is_refused(long sequence)
    {
        var buffer = new ReorderBuffer(8);
        for (long seq = 0; seq < 4; seq++)
            buffer.Put(new Completion { Sequence = seq });
        while (buffer.TryTakeNext(out _))
        {
        }

        long behind = 2;
        Assert.Throws<InvalidOperationException>(() => buffer.Put(new Completion { Sequence = behind }));
        Assert.Throws<InvalidOperationException>(() => buffer.Put(new Completion { Sequence = 4 + sequence }));
    }

    [Fact]
    public void The_same_completion_twice_is_refused()
    {
        var buffer = new ReorderBuffer(8);
        buffer.Put(new Completion { Sequence = 3 });

        Assert.Throws<InvalidOperationException>(() => buffer.Put(new Completion { Sequence = 3 }));
    }
}
