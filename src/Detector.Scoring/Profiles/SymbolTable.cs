namespace Detector.Scoring.Profiles;

/// <summary>
/// Maps tool hashes to the small dense symbols an n-gram model works on, first come first served;
/// once full, further tools share the last symbol ("other"). Kept with the model it serves, so a
/// checkpoint restored on another worker means the same thing.
/// </summary>
public sealed class SymbolTable
{
    private ulong[] _keys;
    // Large tables (peer groups) index by hash; an agent's few tools are faster to scan.
    private readonly Dictionary<ulong, int>? _index;
    private int _count;

    public SymbolTable(int alphabetSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(alphabetSize, 2);
        _keys = new ulong[Math.Min(alphabetSize - 1, 4)];
        AlphabetSize = alphabetSize;
        _index = alphabetSize > 128 ? new Dictionary<ulong, int>() : null;
    }

    public int AlphabetSize { get; }

    /// <summary>Symbols assigned (the "other" symbol not counted).</summary>
    public int Count => _count;

    public int Other => AlphabetSize - 1;

    /// <summary>The symbol of a tool already known, else -1.</summary>
    public int Find(ulong key)
    {
        if (_index is not null)
            return _index.TryGetValue(key, out int found) ? found : -1;
        for (int i = 0; i < _count; i++)
        {
            if (_keys[i] == key)
                return i;
        }
        return -1;
    }

    /// <summary>The tool hash a symbol stands for (the "other" symbol has none: 0).</summary>
    public ulong KeyOf(int symbol) => symbol < _count ? _keys[symbol] : 0;

    public int GetOrAdd(ulong key)
    {
        int s = Find(key);
        if (s >= 0)
            return s;
        if (_count == AlphabetSize - 1)
            return Other;
        return Add(key);
    }

    public void Write(BinaryWriter w)
    {
        w.Write(AlphabetSize);
        w.Write(_count);
        for (int i = 0; i < _count; i++)
            w.Write(_keys[i]);
    }

    public static SymbolTable Read(BinaryReader r)
    {
        int size = r.ReadInt32();
        if (size is < 2 or > 1023)
            throw new InvalidDataException($"symbol table alphabet {size} is out of range");
        var t = new SymbolTable(size);
        int count = r.ReadInt32();
        if (count < 0 || count > size - 1)
            throw new InvalidDataException($"symbol table count {count} is out of range");
        for (int i = 0; i < count; i++)
            t.Add(r.ReadUInt64());
        return t;
    }

    /// <summary>Gives a key the next symbol. The key array doubles as tools arrive: most agents use a handful of the alphabet's symbols.</summary>
    private int Add(ulong key)
    {
        if (_count == _keys.Length)
            Array.Resize(ref _keys, Math.Min(_keys.Length * 2, AlphabetSize - 1));
        _keys[_count] = key;
        _index?.Add(key, _count);
        return _count++;
    }
}
