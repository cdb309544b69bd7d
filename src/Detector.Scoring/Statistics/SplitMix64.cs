namespace Detector.Scoring.Statistics;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014):
/// one 64-bit word of state, so seeded randomness can live inside checkpointed state and replays are
/// bit-for-bit repeatable. Its finaliser doubles as a cheap, well-mixing hash for table indices.
/// </summary>
internal struct SplitMix64(ulong state)
{
    /// <summary>2^64 / φ, odd: the Weyl-sequence step, so successive states never repeat within 2^64 steps.</summary>
    public const ulong Golden = 0x9E3779B97F4A7C15UL;

    public ulong State = state;

    public ulong Next()
    {
        State += Golden;
        return Mix(State);
    }

    /// <summary>Uniform on (0, 1]: never 0, so it can scale a p-value without producing log(0).</summary>
    public double NextOpenClosedUnit() => ((Next() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>The SplitMix64 finaliser: every input bit affects every output bit.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
