namespace Detector.Scoring.Statistics;

/// <summary>The open-addressing count table behind <see cref="NGramModel"/>: lookup, insertion, halving, deletion.</summary>
public sealed partial class NGramModel
{
    /// <summary>Halves until the next step's new slots and <paramref name="adding"/> more counts fit.</summary>
    private void MakeRoom(uint adding)
    {
        while (_used + MaxNewSlotsPerStep > _maxUsed || _total + adding >= TotalLimit)
            Halve();
    }

    /// <summary>Doubles the table until <paramref name="adding"/> more slots keep it at most three-quarters full (or it is at capacity).</summary>
    private void Reserve(int adding)
    {
        while (_slots.Length < _capacity && (_used + adding) * 4 > _slots.Length * 3)
        {
            var old = _slots;
            _slots = new Slot[old.Length * 2];
            foreach (var slot in old)
            {
                if (slot.Key != 0)
                    _slots[FindFree(slot.Key)] = slot;
            }
        }
    }

    private int FindFree(uint key)
    {
        int mask = _slots.Length - 1;
        int i = Home(key);
        while (_slots[i].Key != 0)
            i = (i + 1) & mask;
        return i;
    }

    private void Halve()
    {
        // 1. Halve the n-gram counts; the context statistics are rebuilt from them next.
        for (int i = 0; i < _slots.Length; i++)
        {
            ref var slot = ref _slots[i];
            slot.Count >>= 1;
            slot.FollowerTotal = 0;
            slot.FollowerTypes = 0;
        }

        // 2. Every surviving n-gram adds itself to its context (which exists: it was created with the n-gram).
        for (int i = 0; i < _slots.Length; i++)
        {
            ref readonly var slot = ref _slots[i];
            if (slot.Key == 0 || slot.Count == 0 || KindOf(slot.Key) == Unigram)
                continue;
            ref var context = ref _slots[Find(ContextOf(slot.Key))];
            context.FollowerTotal += slot.Count;
            context.FollowerTypes++;
        }

        // 3. Drop slots that hold nothing now. Backward-shift deletion may move a later entry into
        //    slot i, so slot i is examined again before moving on.
        for (int i = 0; i < _slots.Length; i++)
        {
            while (_slots[i].Key != 0 && _slots[i].Count == 0 && _slots[i].FollowerTotal == 0)
                RemoveAt(i);
        }

        // 4. Rebuild the symbol list and the total from the surviving unigrams.
        _symbolCount = 0;
        _total = 0;
        foreach (var slot in _slots)
        {
            if (KindOf(slot.Key) == Unigram && slot.Count > 0 && (slot.Key & SymbolMask) != StartSymbol)
            {
                _symbols[_symbolCount++] = (ushort)(slot.Key & SymbolMask);
                _total += slot.Count;
            }
        }
    }

    private uint CountOf(uint key)
    {
        int index = Find(key);
        return index < 0 ? 0 : _slots[index].Count;
    }

    /// <summary>The key of an n-gram's context: a bigram's first symbol as a unigram, a trigram's first two as a bigram.</summary>
    private static uint ContextOf(uint key) =>
        KindOf(key) == Bigram
            ? Unigram | ((key >> SymbolBits) & SymbolMask)
            : Bigram | ((key >> SymbolBits) & ((SymbolMask << SymbolBits) | SymbolMask));

    private int Home(uint key) => (int)(SplitMix64.Mix(key) & (ulong)(_slots.Length - 1));

    private int Find(uint key)
    {
        int mask = _slots.Length - 1;
        for (int i = Home(key); ; i = (i + 1) & mask)
        {
            uint k = _slots[i].Key;
            if (k == key)
                return i;
            if (k == 0)
                return -1;
        }
    }

    /// <summary>Finds or claims the slot for <paramref name="key"/>; MakeRoom has guaranteed a free slot.</summary>
    private int FindOrInsert(uint key)
    {
        int mask = _slots.Length - 1;
        for (int i = Home(key); ; i = (i + 1) & mask)
        {
            uint k = _slots[i].Key;
            if (k == key)
                return i;
            if (k == 0)
            {
                _slots[i].Key = key;
                _used++;
                return i;
            }
        }
    }

    /// <summary>Knuth's deletion for linear probing (TAOCP vol. 3, 6.4, Algorithm R): no tombstones.</summary>
    private void RemoveAt(int hole)
    {
        int mask = _slots.Length - 1;
        for (int j = (hole + 1) & mask; _slots[j].Key != 0; j = (j + 1) & mask)
        {
            int home = Home(_slots[j].Key);
            bool staysPut = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!staysPut)
            {
                _slots[hole] = _slots[j];
                hole = j;
            }
        }
        _slots[hole] = default;
        _used--;
    }
}
