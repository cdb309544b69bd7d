namespace Detector.Scoring.Rules;

/// <summary>The rules reported at one step, in a buffer reused across steps (refilled by <see cref="RuleSet.Observe"/>).</summary>
public sealed class RuleMatchBuffer
{
    private RuleMatch[] _items = new RuleMatch[4];

    public int Count { get; private set; }

    public ReadOnlySpan<RuleMatch> AsSpan() => _items.AsSpan(0, Count);

    internal void Add(in RuleMatch match)
    {
        if (Count == _items.Length)
            Array.Resize(ref _items, Count * 2);
        _items[Count++] = match;
    }

    internal void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }
}
