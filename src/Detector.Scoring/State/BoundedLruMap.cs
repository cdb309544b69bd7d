namespace Detector.Scoring.State;

/// <summary>
/// A map with a hard cap that evicts the least recently touched entry (idle-first) to admit a new
/// one: an attacker who floods new identities displaces idle state but cannot grow memory.
/// O(1) per operation via an intrusive doubly linked list over a slot array. Not thread-safe.
/// </summary>
public sealed class BoundedLruMap<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _index;
    private Slot[] _slots;
    private int _head = -1; // most recent
    private int _tail = -1; // least recent
    private int _free = -1; // chain of removed slots, through Next
    private int _used;

    public BoundedLruMap(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _index = new Dictionary<TKey, int>(Math.Min(capacity, 1 << 16));
        _slots = new Slot[Math.Min(capacity, 1024)];
    }

    public int Capacity { get; }

    public int Count => _index.Count;

    public long Evictions { get; private set; }

    /// <summary>Raised with the evicted key and value, before the slot is reused.</summary>
    public Action<TKey, TValue>? Evicted { get; set; }

    public bool TryGet(TKey key, out TValue value)
    {
        if (_index.TryGetValue(key, out int slot))
        {
            Touch(slot);
            value = _slots[slot].Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Looks up without marking the entry as recently used.</summary>
    public bool TryPeek(TKey key, out TValue value)
    {
        if (_index.TryGetValue(key, out int slot))
        {
            value = _slots[slot].Value;
            return true;
        }
        value = default!;
        return false;
    }

    public TValue GetOrAdd<TState>(TKey key, Func<TKey, TState, TValue> create, TState state)
    {
        if (TryGet(key, out var existing))
            return existing;
        var value = create(key, state);
        Add(key, value);
        return value;
    }

    public void Set(TKey key, TValue value)
    {
        if (_index.TryGetValue(key, out int slot))
        {
            _slots[slot].Value = value;
            Touch(slot);
            return;
        }
        Add(key, value);
    }

    public bool Remove(TKey key)
    {
        if (!_index.Remove(key, out int slot))
            return false;
        Unlink(slot);
        _slots[slot] = default;
        _slots[slot].Next = _free;
        _free = slot;
        return true;
    }

    /// <summary>The least recently used entry, without touching it.</summary>
    public bool TryPeekOldest(out TKey key, out TValue value)
    {
        if (_tail < 0)
        {
            key = default!;
            value = default!;
            return false;
        }
        key = _slots[_tail].Key;
        value = _slots[_tail].Value;
        return true;
    }

    /// <summary>Removes the least recently used entry (no eviction callback: the caller is retiring it).</summary>
    public void RemoveOldest()
    {
        if (_tail >= 0)
            Remove(_slots[_tail].Key);
    }

    /// <summary>Entries from most to least recently used.</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Entries()
    {
        for (int s = _head; s >= 0; s = _slots[s].Next)
            yield return new(_slots[s].Key, _slots[s].Value);
    }

    private void Add(TKey key, TValue value)
    {
        int slot;
        if (_free >= 0)
        {
            slot = _free;
            _free = _slots[slot].Next;
        }
        else if (_used < Capacity)
        {
            if (_used == _slots.Length)
                Array.Resize(ref _slots, (int)Math.Min(Capacity, _slots.Length * 2L));
            slot = _used++;
        }
        else
        {
            slot = _tail;
            var old = _slots[slot];
            Unlink(slot);
            _index.Remove(old.Key);
            Evictions++;
            Evicted?.Invoke(old.Key, old.Value);
        }
        _slots[slot] = new Slot { Key = key, Value = value, Prev = -1, Next = -1 };
        _index[key] = slot;
        LinkFront(slot);
    }

    private void Touch(int slot)
    {
        if (slot == _head)
            return;
        Unlink(slot);
        LinkFront(slot);
    }

    private void Unlink(int slot)
    {
        ref var s = ref _slots[slot];
        if (s.Prev >= 0)
            _slots[s.Prev].Next = s.Next;
        else
            _head = s.Next;
        if (s.Next >= 0)
            _slots[s.Next].Prev = s.Prev;
        else
            _tail = s.Prev;
        s.Prev = s.Next = -1;
    }

    private void LinkFront(int slot)
    {
        ref var s = ref _slots[slot];
        s.Prev = -1;
        s.Next = _head;
        if (_head >= 0)
            _slots[_head].Prev = slot;
        _head = slot;
        if (_tail < 0)
            _tail = slot;
    }

    private struct Slot
    {
        public TKey Key;
        public TValue Value;
        public int Prev;
        public int Next;
    }
}
