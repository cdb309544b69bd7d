namespace Detector.Domain.Events;

/// <summary>The arguments of one event, in input order; storage is reused when the event is.</summary>
public sealed class ArgumentList
{
    private Argument[] _items = new Argument[4];

    public int Count { get; private set; }

    public Argument this[int index] => (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public ReadOnlySpan<Argument> AsSpan() => _items.AsSpan(0, Count);

    public void Add(in Argument argument)
    {
        if (Count == _items.Length)
            Array.Resize(ref _items, Count * 2);
        _items[Count++] = argument;
    }

    public bool TryGet(string name, out Argument argument)
    {
        foreach (ref readonly var a in AsSpan())
        {
            if (string.Equals(a.Name, name, StringComparison.Ordinal))
            {
                argument = a;
                return true;
            }
        }
        argument = default;
        return false;
    }

    public void Clear() => Count = 0;
}
