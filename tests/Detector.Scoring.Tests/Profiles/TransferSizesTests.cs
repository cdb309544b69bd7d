using Detector.Scoring.Profiles;
using Xunit;

namespace Detector.Scoring.Tests.Profiles;

public sealed class TransferSizesTests
{
    [Fact]
    public void Each_tool_keeps_its_own_sizes()
    {
        var sizes = new TransferSizes();
        for (int i = 0; i < 20; i++)
        {
            sizes.Observe(1, 800);
            sizes.Observe(2, 5_000_000);
        }

        Assert.True(sizes.TryGet(1, out var chat));
        Assert.True(sizes.TryGet(2, out var upload));
        Assert.Equal(800, chat.Typical, 1e-6);
        Assert.Equal(5_000_000, upload.Typical, 1e-3);
        Assert.False(sizes.TryGet(3, out _));
    }

    [Fact]
    public void A_new_tool_past_the_slots_replaces_the_least_used()
    {
        var sizes = new TransferSizes();
        for (ulong tool = 1; tool <= TransferSizes.Slots; tool++)
        {
            for (int i = 0; i < 10 + (int)tool; i++)
                sizes.Observe(tool, 1000);
        }

        sizes.Observe(99, 1000);

        Assert.False(sizes.TryGet(1, out _));
        Assert.True(sizes.TryGet(99, out var fresh));
        Assert.False(fresh.IsTrusted);
        for (ulong tool = 2; tool <= TransferSizes.Slots; tool++)
            Assert.True(sizes.TryGet(tool, out _));
    }

    [Fact]
    public void Round_trips_through_its_binary_form()
    {
        var sizes = new TransferSizes();
        for (int i = 0; i < 12; i++)
        {
            sizes.Observe(7, 100 + i);
            sizes.Observe(9, 9000);
        }
        var bytes = new MemoryStream();
        using (var w = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
            sizes.Write(w);
        bytes.Position = 0;

        var copy = TransferSizes.Read(new BinaryReader(bytes));

        Assert.True(sizes.TryGet(7, out var original));
        Assert.True(copy.TryGet(7, out var seven));
        Assert.Equal(original, seven);
        Assert.True(copy.TryGet(9, out var nine));
        Assert.Equal(9000, nine.Typical, 1e-6);
    }

    [Fact]
    public void An_agent_without_transfers_writes_and_reads_nothing_kept()
    {
        var bytes = new MemoryStream();
        using (var w = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
            new TransferSizes().Write(w);
        bytes.Position = 0;

        Assert.Equal(1, bytes.Length);
        Assert.False(TransferSizes.Read(new BinaryReader(bytes)).TryGet(0, out _));
    }
}
