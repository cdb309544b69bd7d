namespace Detector.Web.ReadModel;

/// <summary>
/// The most frequent keys of a stream in fixed space: the Space-Saving algorithm (Metwally, Agrawal,
/// El Abbadi, "Efficient Computation of Frequent and Top-k Elements in Data Streams", ICDT 2005).
/// A new key arriving when all slots are taken replaces the least counted one and inherits its count
/// plus one, so every count overestimates by at most the replaced minimum, and any key with more than
/// total/capacity occurrences is guaranteed to be held. Tool mixes and destinations are small sets, so
/// a linear scan of a few dozen slots (pooled strings compare by reference first) beats hashing.
/// </summary>
internal sealed class TopCounts(int capacity)
{
    private readonly string[] _keys = new string[capacity];
    private readonly long[] _counts = new long[capacity];
    private int _used;

    public long Total { get; private set; }

    public int Distinct => _used;

    public void Add(string key)
    {
        Total++;
        int min = 0;
        for (int i = 0; i < _used; i++)
        {
            if (ReferenceEquals(_keys[i], key) || _keys[i] == key)
            {
                _counts[i]++;
                return;
            }
            if (_counts[i] < _counts[min])
                min = i;
        }
        if (_used < _keys.Length)
        {
            _keys[_used] = key;
            _counts[_used++] = 1;
            return;
        }
        _keys[min] = key;
        _counts[min]++;
    }

    public bool Contains(string key) => Array.IndexOf(_keys, key, 0, _used) >= 0;

    /// <summary>The <paramref name="n"/> largest, most frequent first (ties by name), with their share of all additions.</summary>
    public IReadOnlyList<CountShare> Top(int n)
    {
        var all = new CountShare[_used];
        for (int i = 0; i < _used; i++)
            all[i] = new CountShare(_keys[i], _counts[i], Total == 0 ? 0 : (double)_counts[i] / Total);
        Array.Sort(all, static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Name, b.Name));
        return all.Length <= n ? all : all[..n];
    }
}
