using System.Text;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Naming;

/// <summary>Free text (queries, comments, message bodies) from a role's vocabulary; attacks use the same forge.</summary>
internal static class PhraseForge
{
    public static string Phrase(IReadOnlyList<string> vocabulary, Rng rng, int minWords, int maxWords)
    {
        int words = rng.Between(minWords, maxWords);
        var text = new StringBuilder(words * 8);
        for (int i = 0; i < words; i++)
        {
            if (i > 0)
                text.Append(' ');
            text.Append(rng.Chance(0.3) ? rng.Pick(Vocabulary.Connectives) : rng.Pick(vocabulary));
        }
        return text.ToString();
    }
}
