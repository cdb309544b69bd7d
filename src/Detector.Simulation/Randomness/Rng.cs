using System.Numerics;

namespace Detector.Simulation.Randomness;

/// <summary>
/// xoshiro256** 1.0 (Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021;
/// reference C at https://prng.di.unimi.it/xoshiro256starstar.c), seeded through SplitMix64 as its authors advise.
/// The simulator never uses System.Random, whose algorithm is unspecified, so output depends only on the options.
/// </summary>
internal sealed partial class Rng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Rng(ulong seed)
    {
        ulong state = seed;
        _s0 = SplitMix64.Next(ref state);
        _s1 = SplitMix64.Next(ref state);
        _s2 = SplitMix64.Next(ref state);
        _s3 = SplitMix64.Next(ref state);
    }

    /// <summary>Raw state, for checking against the reference implementation's outputs.</summary>
    internal Rng(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>An independent stream for one purpose and key (agent, day, session...).</summary>
    public static Rng Derive(int seed, StreamPurpose purpose, ulong key = 0, ulong subkey = 0)
    {
        ulong h = SplitMix64.Mix((ulong)(uint)seed + (ulong)purpose * SplitMix64.Gamma);
        h = SplitMix64.Mix(h ^ key);
        h = SplitMix64.Mix((h + SplitMix64.Gamma) ^ subkey);
        return new Rng(h);
    }

    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }
}
