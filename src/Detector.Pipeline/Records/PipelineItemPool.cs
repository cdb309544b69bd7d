using System.Collections.Concurrent;

namespace Detector.Pipeline.Records;

/// <summary>
/// Recycles <see cref="PipelineItem"/>s between stages. Items in flight are bounded by the channel
/// capacities, so the pool stays small; beyond <c>maxRetained</c> returned items are left to the GC.
/// </summary>
public sealed class PipelineItemPool(int maxRetained = 65536)
{
    private readonly ConcurrentQueue<PipelineItem> _free = new();

    public PipelineItem Rent() => _free.TryDequeue(out var item) ? item : new PipelineItem();

    public void Return(PipelineItem item)
    {
        if (_free.Count >= maxRetained)
            return;
        item.Reset();
        _free.Enqueue(item);
    }
}
