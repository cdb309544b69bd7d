using Detector.Scoring.Statistics;
using Xunit;

namespace Detector.Scoring.Tests.Statistics;

public sealed class SlidingWindowTests
{
    [Fact]
    public void It_hands_back_the_newest_values_oldest_first_once_it_has_wrapped()
    {
        var window = new SlidingWindow(4);
        for (int i = 1; i <= 6; i++)
            window.Push(i);

        var values = new double[4];
        Assert.Equal(4, window.CopyTo(values));
        Assert.Equal([3.0, 4, 5, 6], values);
        Assert.True(window.IsFull);
    }

    [Fact]
    public void A_partly_filled_window_copies_only_what_it_holds()
    {
        var window = new SlidingWindow(8);
        window.Push(7);
        window.Push(9);

        var values = new double[8];
        Assert.Equal(2, window.CopyTo(values));
        Assert.Equal([7.0, 9], values[..2]);
        Assert.False(window.IsFull);
    }

    [Fact]
    public void A_round_trip_preserves_the_values_and_their_order()
    {
        var window = new SlidingWindow(5);
        for (int i = 0; i < 7; i++)
            window.Push(i * 1.5);

        var copy = Serialized.RoundTrip(window);
        var expected = new double[5];
        var actual = new double[5];
        window.CopyTo(expected);
        copy.CopyTo(actual);
        Assert.Equal(expected, actual);
        Assert.Equal(Serialized.Bytes(window), Serialized.Bytes(copy));
    }

    [Fact]
    public void Pushing_does_not_allocate()
    {
        var window = new SlidingWindow(64);
        Assert.Equal(0, Allocations.Of(() => window.Push(3)));
    }
}
