namespace Detector.Scoring.Rules;

/// <summary>Ordinal wildcard match: <c>*</c> is any run of characters, <c>?</c> exactly one.</summary>
internal static class Glob
{
    /// <remarks>
    /// Greedy with one backtrack point: on a mismatch after a star, the star takes one more character
    /// and matching resumes. A later star supersedes the earlier one, so the work is O(pattern x text)
    /// at worst and linear for the prefix/suffix patterns rules use.
    /// </remarks>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
