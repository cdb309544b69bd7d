using Detector.Scoring.State;
using Xunit;

namespace Detector.Scoring.Tests.State;

public sealed class BlockDeltaTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1000, 1000)]
    [InlineData(1000, 1037)]
    [InlineData(1037, 1000)]
    [InlineData(0, 100)]
    [InlineData(100, 0)]
    public void A_buffer_is_rebuilt_exactly_from_its_basis_and_delta_whatever_the_lengths(int basisLength, int currentLength)
    {
        var random = new Random(basisLength * 31 + currentLength);
        var basis = new byte[basisLength];
        random.NextBytes(basis);
        var current = new byte[currentLength];
        basis.AsSpan(0, Math.Min(basisLength, currentLength)).CopyTo(current);
        for (int i = 0; i < currentLength / 50; i++)
            current[random.Next(currentLength)] ^= (byte)random.Next(1, 256);
        if (currentLength > basisLength)
            random.NextBytes(current.AsSpan(basisLength));

        Assert.Equal(current, RoundTrip(current, basis, out _));
    }

    [Fact]
    public void An_unchanged_buffer_costs_a_few_bytes_and_one_changed_byte_costs_one_block()
    {
        var basis = new byte[300_000];
        new Random(7).NextBytes(basis);
        var current = (byte[])basis.Clone();

        Assert.Equal(current, RoundTrip(current, basis, out int unchangedSize));
        current[123_456]++;
        Assert.Equal(current, RoundTrip(current, basis, out int oneChangeSize));

        Assert.True(unchangedSize <= 6, $"{unchangedSize} bytes");
        Assert.InRange(oneChangeSize - unchangedSize, BlockDelta.BlockSize, BlockDelta.BlockSize + 6);
    }

    [Fact]
    public void A_delta_that_overruns_its_buffer_is_refused()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write7BitEncodedInt(2 * BlockDelta.BlockSize);
            w.Write7BitEncodedInt(1);
            w.Write7BitEncodedInt(2);
        }
        stream.Position = 0;

        Assert.Throws<InvalidDataException>(() => BlockDelta.Read(new BinaryReader(stream), new byte[2 * BlockDelta.BlockSize]));
    }

    private static byte[] RoundTrip(byte[] current, byte[] basis, out int size)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            BlockDelta.Write(w, current, basis);
        size = (int)stream.Length;
        stream.Position = 0;
        return BlockDelta.Read(new BinaryReader(stream), basis);
    }
}
