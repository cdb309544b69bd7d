using System.Text;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Naming;

/// <summary>
/// Pronounceable made-up words (tenants, vendors, domains) from syllables, so the name space is
/// unbounded: a brand-new vendor and an attacker's drop host are drawn exactly alike.
/// </summary>
internal static class WordForge
{
    private static readonly string[] Onsets =
        ["b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "k", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "z"];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "io"];

    private static readonly string[] Codas = ["", "", "", "n", "r", "s", "l", "x", "m", "t", "nd", "rk"];

    public static string Word(Rng rng, int minSyllables = 2, int maxSyllables = 3)
    {
        int syllables = rng.Between(minSyllables, maxSyllables);
        var word = new StringBuilder(12);
        for (int i = 0; i < syllables; i++)
        {
            word.Append(rng.Pick(Onsets)).Append(rng.Pick(Vowels));
            if (i == syllables - 1 || rng.Chance(0.25))
                word.Append(rng.Pick(Codas));
        }
        return word.ToString();
    }

    /// <summary>A word not yet in <paramref name="taken"/>, added to it.</summary>
    public static string UniqueWord(Rng rng, HashSet<string> taken)
    {
        while (true)
        {
            string w = Word(rng);
            if (taken.Add(w))
                return w;
        }
    }
}
