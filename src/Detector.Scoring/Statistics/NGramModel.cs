namespace Detector.Scoring.Statistics;

/// <summary>
/// A smoothed Markov model of tool sequences over small integer symbols: bigram (order 1) or trigram
/// (order 2) counts with interpolated Witten-Bell smoothing (Witten and Bell, IEEE Trans. Inf. Theory
/// 1991; interpolated form as in Chen and Goodman, "An empirical study of smoothing techniques for
/// language modeling", Harvard TR-10-98, 1998). It gives P(next | context), the rank of the actual
/// next symbol (DeepLog's top-g check: Du et al., "DeepLog", CCS 2017), and through
/// <see cref="NGramSession"/> a running per-symbol log-likelihood.
/// </summary>
/// <remarks>
/// Witten-Bell: P(w | h) = (c(h w) + T(h) P(w | h')) / (c(h) + T(h)), with T(h) the number of distinct
/// symbols seen after h and h' the context one symbol shorter, down to a uniform 1/V, so every symbol,
/// even one never seen, has a non-zero probability. Chosen over Kneser-Ney because it needs only the
/// counts and the distinct-follower counts, which stay exact when models are merged (peer-group models
/// built from many agents) and when counts are halved; Kneser-Ney's continuation counts need the full
/// set of left contexts.
/// Storage: one open-addressing table of 16-byte slots (n-gram key, count, and, for a context, its
/// follower total and distinct followers), sized to what has been learned: it doubles as n-grams
/// arrive, up to its capacity. When three-quarters of the capacity is used, or the total reaches
/// 2^30, every count is halved (rounding down) and n-grams that fall to zero are dropped: rare
/// transitions are forgotten first and old behaviour fades, and the context statistics are recomputed
/// exactly from what remains. Merging is exact while the merged counts fit. 64 slots at most (about
/// 1.1 KB with the symbol list) suit a per-agent bigram model; a peer-group trigram model wants thousands.
/// Symbols are 0..alphabetSize-1, at most 1022: 10 bits each, three per 32-bit key.
/// </remarks>
public sealed partial class NGramModel : IBinarySerializable<NGramModel>
{
    /// <summary>The context symbol for "start of session" (never predicted).</summary>
    public const int StartSymbol = 1023;

    private const byte FormatVersion = 1;
    private const int SymbolBits = 10;
    private const uint SymbolMask = (1u << SymbolBits) - 1;
    private const int KindShift = 30;
    private const uint Unigram = 1u << KindShift;
    private const uint Bigram = 2u << KindShift;
    private const uint Trigram = 3u << KindShift;
    private const long TotalLimit = 1L << 30;

    // The table starts this small and doubles as n-grams arrive, up to its capacity.
    private const int InitialSlots = 16;

    // Learn can add at most five slots (three n-grams and two contexts); keep that much room.
    private const int MaxNewSlotsPerStep = 5;

    private Slot[] _slots;
    private readonly ushort[] _symbols;
    private readonly int _alphabetSize;
    private readonly int _order;
    private readonly int _capacity;
    private readonly int _maxUsed;
    private int _used;
    private int _symbolCount;
    private long _total;

    /// <param name="alphabetSize">V: symbols are 0..V-1 (at most 1022).</param>
    /// <param name="order">Context length: 1 for bigrams, 2 for trigrams.</param>
    /// <param name="capacity">Table slots, a power of two; at most three quarters are used.</param>
    public NGramModel(int alphabetSize, int order = 1, int capacity = 64)
    {
        Guard.InRange(alphabetSize, 1, StartSymbol - 1, nameof(alphabetSize));
        Guard.InRange(order, 1, 2, nameof(order));
        Guard.PowerOfTwo(capacity, nameof(capacity));
        Guard.InRange(capacity, 16, 1 << 24, nameof(capacity));
        _alphabetSize = alphabetSize;
        _order = order;
        _capacity = capacity;
        _slots = new Slot[Math.Min(capacity, InitialSlots)];
        _maxUsed = capacity / 4 * 3;
        _symbols = new ushort[Math.Min(alphabetSize, _maxUsed)];
    }

    public int AlphabetSize => _alphabetSize;

    public int Order => _order;

    /// <summary>Slots allocated now (grows with what is learned, up to the capacity).</summary>
    public int Slots => _slots.Length;

    /// <summary>Symbols learned so far (halving forgets what it drops).</summary>
    public long Total => _total;

    /// <summary>P(symbol | the session's context), smoothed; never 0.</summary>
    public double Probability(in NGramSession session, int symbol)
    {
        CheckSymbol(symbol);
        var context = new Context(this, session);
        return Probability(context, symbol);
    }

    /// <summary>The probability of <paramref name="symbol"/> after the session's context, and its rank among all V symbols.</summary>
    public NGramPrediction Predict(in NGramSession session, int symbol)
    {
        CheckSymbol(symbol);
        var context = new Context(this, session);
        double probability = Probability(context, symbol);
        int higher = 0;
        bool seen = false;
        for (int i = 0; i < _symbolCount; i++)
        {
            int other = _symbols[i];
            if (other == symbol)
                seen = true;
            else if (Probability(context, other) > probability)
                higher++;
        }
        // Every never-seen symbol has the same probability: the smoothing mass alone.
        int unseen = _alphabetSize - _symbolCount - (seen ? 0 : 1);
        if (unseen > 0 && UnseenProbability(context) > probability)
            higher += unseen;
        return new NGramPrediction(probability, higher + 1);
    }

    /// <summary>Counts <paramref name="symbol"/> after the session's context (the caller then appends it to the session).</summary>
    public void Learn(in NGramSession session, int symbol)
    {
        CheckSymbol(symbol);
        MakeRoom(1);
        int previous = session.Previous;
        AddCount(Unigram | (uint)symbol, 1);
        AddCount(Bigram | ((uint)previous << SymbolBits) | (uint)symbol, 1);
        int older = session.Older;
        if (_order == 2 && older >= 0)
            AddCount(Trigram | ((uint)older << (2 * SymbolBits)) | ((uint)previous << SymbolBits) | (uint)symbol, 1);
    }

    /// <summary>
    /// Adds another model's counts (same alphabet and order), as if this model had also learned its
    /// sessions; exact unless the merged counts overflow the table and force a halving.
    /// </summary>
    public void Merge(NGramModel other)
    {
        if (other._alphabetSize != _alphabetSize || other._order != _order)
            throw new ArgumentException("only models with the same alphabet size and order can be merged", nameof(other));
        if (ReferenceEquals(other, this))
            throw new ArgumentException("a model cannot be merged into itself", nameof(other));
        foreach (var slot in other._slots)
        {
            if (slot.Count == 0)
                continue;
            MakeRoom(slot.Count);
            AddCount(slot.Key, slot.Count);
        }
    }

    private void AddCount(uint key, uint count)
    {
        Reserve(2);
        ref var slot = ref _slots[FindOrInsert(key)];
        bool isNew = slot.Count == 0;
        slot.Count += count;
        if (KindOf(key) == Unigram)
        {
            _total += count;
            if (isNew)
                _symbols[_symbolCount++] = (ushort)(key & SymbolMask);
            return;
        }
        ref var context = ref _slots[FindOrInsert(ContextOf(key))];
        context.FollowerTotal += count;
        if (isNew)
            context.FollowerTypes++;
    }

    private double Probability(in Context context, int symbol)
    {
        // Uniform, then unigram, bigram and trigram levels, each interpolated with the one below.
        double p = 1.0 / _alphabetSize;
        if (_total > 0)
            p = (CountOf(Unigram | (uint)symbol) + _symbolCount * p) / (_total + _symbolCount);
        if (context.PreviousTotal > 0)
            p = (CountOf(context.BigramPrefix | (uint)symbol) + context.PreviousTypes * p) / (context.PreviousTotal + context.PreviousTypes);
        if (context.PairTotal > 0)
            p = (CountOf(context.TrigramPrefix | (uint)symbol) + context.PairTypes * p) / (context.PairTotal + context.PairTypes);
        return p;
    }

    private double UnseenProbability(in Context context)
    {
        double p = 1.0 / _alphabetSize;
        if (_total > 0)
            p = _symbolCount * p / (_total + _symbolCount);
        if (context.PreviousTotal > 0)
            p = context.PreviousTypes * p / (context.PreviousTotal + context.PreviousTypes);
        if (context.PairTotal > 0)
            p = context.PairTypes * p / (context.PairTotal + context.PairTypes);
        return p;
    }

    /// <summary>The kind bits of a key, comparable with <see cref="Unigram"/>, <see cref="Bigram"/> and <see cref="Trigram"/>.</summary>
    private static uint KindOf(uint key) => key & ~((1u << KindShift) - 1);

    private void CheckSymbol(int symbol)
    {
        if ((uint)symbol >= (uint)_alphabetSize)
            Guard.Throw(nameof(symbol), "symbol must lie in [0, alphabetSize)");
    }

    /// <summary>The per-prediction constants: context keys and their follower statistics, looked up once.</summary>
    private readonly struct Context
    {
        public readonly uint BigramPrefix;
        public readonly uint TrigramPrefix;
        public readonly uint PreviousTotal;
        public readonly uint PreviousTypes;
        public readonly uint PairTotal;
        public readonly uint PairTypes;

        public Context(NGramModel model, in NGramSession session)
        {
            uint previous = (uint)session.Previous;
            BigramPrefix = Bigram | (previous << SymbolBits);
            int index = model.Find(Unigram | previous);
            if (index >= 0)
            {
                PreviousTotal = model._slots[index].FollowerTotal;
                PreviousTypes = model._slots[index].FollowerTypes;
            }
            int older = session.Older;
            if (model._order == 2 && older >= 0)
            {
                TrigramPrefix = Trigram | ((uint)older << (2 * SymbolBits)) | (previous << SymbolBits);
                index = model.Find(Bigram | ((uint)older << SymbolBits) | previous);
                if (index >= 0)
                {
                    PairTotal = model._slots[index].FollowerTotal;
                    PairTypes = model._slots[index].FollowerTypes;
                }
            }
        }
    }

    private struct Slot
    {
        public uint Key;
        public uint Count;
        public uint FollowerTotal;
        public uint FollowerTypes;
    }
}
