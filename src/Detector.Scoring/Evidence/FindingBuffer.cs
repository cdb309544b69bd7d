namespace Detector.Scoring.Evidence;

/// <summary>The findings for one event, in a buffer reused across events.</summary>
public sealed class FindingBuffer
{
    private Finding[] _items = new Finding[16];

    public int Count { get; private set; }

    public ReadOnlySpan<Finding> AsSpan() => _items.AsSpan(0, Count);

    public void Add(in Finding finding)
    {
        if (!(finding.PValue > 0 && finding.PValue <= 1))
            throw new ArgumentOutOfRangeException(nameof(finding), finding.PValue, $"p-value of {finding.Kind.WireName()} must lie in (0,1]");
        if (Count == _items.Length)
            Array.Resize(ref _items, Count * 2);
        _items[Count++] = finding;
    }

    public void Clear() => Count = 0;
}
