namespace Detector.Web.ReadModel;

/// <summary>The last <c>capacity</c> items added, in a ring; the oldest is overwritten (and returned) when full.</summary>
internal sealed class RecentItems<T>(int capacity) where T : class
{
    private readonly T?[] _ring = new T?[capacity];
    private long _added;

    /// <returns>The item pushed out, if the ring was full.</returns>
    public T? Add(T item)
    {
        int slot = (int)(_added++ % _ring.Length);
        var evicted = _ring[slot];
        _ring[slot] = item;
        return evicted;
    }

    public T[] NewestFirst()
    {
        int count = (int)Math.Min(_added, _ring.Length);
        var items = new T[count];
        for (int i = 0; i < count; i++)
            items[i] = _ring[(int)((_added - 1 - i) % _ring.Length)]!;
        return items;
    }
}
