namespace Detector.Simulation.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
/// constants from Vigna's reference splitmix64.c at https://prng.di.unimi.it/splitmix64.c).
/// Seeds <see cref="Rng"/> and, because its finaliser is a bijection on 64 bits, turns distinct
/// counters into distinct random-looking ids.
/// </summary>
internal static class SplitMix64
{
    public const ulong Gamma = 0x9E3779B97F4A7C15;

    public static ulong Next(ref ulong state)
    {
        state += Gamma;
        return Mix(state);
    }

    /// <summary>The finaliser: xor-shifts and odd multiplications, each invertible, so distinct inputs never collide.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
