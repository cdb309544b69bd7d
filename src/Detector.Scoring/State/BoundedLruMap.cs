using System.Numerics;

namespace Detector.Scoring.State;

/// <summary>
/// A map with a hard cap that evicts the least recently touched entry (idle-first) to admit a new
/// one: an attacker who floods new identities displaces idle state but cannot grow memory.
/// O(1) per operation via an intrusive doubly linked list over a slot array. Not thread-safe.
/// </summary>
/// <remarks>
/// The hash index lives in the slots too (a chain link and the key's hash each, and one bucket
/// array): a separate dictionary would hold every key a second time, and at a few million bindings
/// and sessions that copy was a sixth of the engine's memory. Slots and buckets double as entries
/// arrive, up to the capacity.
/// </remarks>
public sealed class BoundedLruMap<TKey, TValue>
    where TKey : notnull
{
    private Slot[] _slots;
    private int[] _buckets; // 1 + the first slot of each hash chain; 0 for none
    private int _bucketShift;
    private int _head = -1; // most recent
    private int _tail = -1; // least recent
    private int _free = -1; // chain of removed slots, through Next
    private int _used;

    public BoundedLruMap(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _slots = new Slot[Math.Min(capacity, 1024)];
        _buckets = [];
        Rehash();
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public long Evictions { get; private set; }

    /// <summary>Raised with the evicted key and value, before the slot is reused.</summary>
    public Action<TKey, TValue>? Evicted { get; set; }

    public bool TryGet(TKey key, out TValue value)
    {
        int slot = Find(key, Hash(key));
        if (slot >= 0)
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
        int slot = Find(key, Hash(key));
        if (slot >= 0)
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
        Add(key, Hash(key), value);
        return value;
    }

    public void Set(TKey key, TValue value)
    {
        int hash = Hash(key);
        int slot = Find(key, hash);
        if (slot >= 0)
        {
            _slots[slot].Value = value;
            Touch(slot);
            return;
        }
        Add(key, hash, value);
    }

    public bool Remove(TKey key)
    {
        int slot = Find(key, Hash(key));
        if (slot < 0)
            return false;
        Unchain(slot);
        Unlink(slot);
        _slots[slot] = default;
        _slots[slot].Next = _free;
        _free = slot;
        Count--;
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

    private static int Hash(TKey key) => EqualityComparer<TKey>.Default.GetHashCode(key);

    // Fibonacci hashing: the top bits of hash x 2^32/phi, so keys whose hashes differ only in high bits still spread.
    private int Bucket(int hash) => (int)(((uint)hash * 0x9E3779B9u) >> _bucketShift);

    private int Find(TKey key, int hash)
    {
        for (int s = _buckets[Bucket(hash)] - 1; s >= 0; s = _slots[s].Chain)
        {
            ref readonly var slot = ref _slots[s];
            if (slot.Hash == hash && EqualityComparer<TKey>.Default.Equals(slot.Key, key))
                return s;
        }
        return -1;
    }

    private void Add(TKey key, int hash, TValue value)
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
            {
                Array.Resize(ref _slots, (int)Math.Min(Capacity, _slots.Length * 2L));
                Rehash();
            }
            slot = _used++;
        }
        else
        {
            slot = _tail;
            var old = _slots[slot];
            Unchain(slot);
            Unlink(slot);
            Count--;
            Evictions++;
            Evicted?.Invoke(old.Key, old.Value);
        }
        int bucket = Bucket(hash);
        _slots[slot] = new Slot { Key = key, Value = value, Hash = hash, Chain = _buckets[bucket] - 1, Prev = -1, Next = -1 };
        _buckets[bucket] = slot + 1;
        Count++;
        LinkFront(slot);
    }

    /// <summary>Sizes the buckets to the slot array (a power of two at least as long) and rebuilds the chains of the live entries.</summary>
    private void Rehash()
    {
        int buckets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, _slots.Length));
        _buckets = new int[buckets];
        _bucketShift = 32 - BitOperations.Log2((uint)buckets);
        for (int s = _head; s >= 0; s = _slots[s].Next)
        {
            int bucket = Bucket(_slots[s].Hash);
            _slots[s].Chain = _buckets[bucket] - 1;
            _buckets[bucket] = s + 1;
        }
    }

    private void Unchain(int slot)
    {
        int bucket = Bucket(_slots[slot].Hash);
        int s = _buckets[bucket] - 1;
        if (s == slot)
        {
            _buckets[bucket] = _slots[slot].Chain + 1;
            return;
        }
        while (_slots[s].Chain != slot)
            s = _slots[s].Chain;
        _slots[s].Chain = _slots[slot].Chain;
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
        public int Hash;
        public int Chain; // next slot in the same bucket, -1 at the end
        public int Prev;
        public int Next;
    }
}
