using Detector.Kafka.Processing;
using Detector.Pipeline.Sinks;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Kafka.Tests.Processing;

public sealed class PartitionProgressTests
{
    [Fact]
    public void Records_without_outputs_are_durable_as_soon_as_they_are_emitted()
    {
        var progress = new PartitionProgress(0, _ => { });
        Assert.Equal(-1, progress.DurableThrough());
        progress.Emitted(100);
        progress.Emitted(101);
        Assert.Equal(102, progress.DurableThrough());
    }

    [Fact]
    public void A_record_whose_outputs_are_in_flight_holds_back_every_later_offset()
    {
        var progress = new PartitionProgress(0, _ => { });
        progress.Emitted(0);
        var first = progress.Expect(1);
        var second = progress.Expect(1);
        progress.Emitted(1);
        progress.Emitted(2);
        Assert.Equal(1, progress.DurableThrough());
        first.Delivered();
        Assert.Equal(1, progress.DurableThrough());
        second.Delivered();
        Assert.Equal(3, progress.DurableThrough());
    }

    [Fact]
    public void A_failed_delivery_is_reported_and_its_offset_never_becomes_durable()
    {
        string? failure = null;
        var progress = new PartitionProgress(4, reason => failure = reason);
        var receipt = progress.Expect(0);
        progress.Emitted(0);
        receipt.Failed("broker said no");
        Assert.Contains("partition 4 offset 0", failure, StringComparison.Ordinal);
        Assert.Equal(0, progress.DurableThrough());
    }

    [Fact]
    public void In_any_acknowledgement_order_the_durable_offset_never_passes_an_unacknowledged_output() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 3)).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (outputsPerRecord, seed) =>
        {
            var progress = new PartitionProgress(0, _ => { });
            var pending = new List<(long Offset, IDeliveryReceipt Receipt)>();
            for (int offset = 0; offset < outputsPerRecord.Count; offset++)
            {
                for (int i = 0; i < outputsPerRecord[offset]; i++)
                    pending.Add((offset, progress.Expect(offset)));
                progress.Emitted(offset);
            }
            var random = new Random(seed);
            while (pending.Count > 0)
            {
                long durable = progress.DurableThrough();
                if (pending.Min(p => p.Offset) < durable)
                    return false;
                int pick = random.Next(pending.Count);
                pending[pick].Receipt.Delivered();
                pending.RemoveAt(pick);
            }
            return progress.DurableThrough() == (outputsPerRecord.Count == 0 ? -1 : outputsPerRecord.Count);
        }).QuickCheckThrowOnFailure();
}
