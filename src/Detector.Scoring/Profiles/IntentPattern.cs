using System.Runtime.CompilerServices;
using Detector.Domain.Ingest;

namespace Detector.Scoring.Profiles;

/// <summary>
/// The key of an intent with its particulars removed: words are lower-cased and words containing
/// digits (ticket numbers, ids, dates) dropped, so "Reconcile invoices for batch 8812" and
/// "reconcile invoices for batch 9120" are one intent.
/// </summary>
public static class IntentPattern
{
    [SkipLocalsInit] // the buffer is read only as far as it is written
    public static ulong Key(string intent)
    {
        Span<char> buffer = stackalloc char[Math.Min(intent.Length, 512)];
        int w = 0;
        int i = 0;
        var s = intent.AsSpan(0, buffer.Length);
        while (i < s.Length)
        {
            while (i < s.Length && !char.IsLetterOrDigit(s[i]))
                i++;
            int start = i;
            bool digit = false;
            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '-' or '_'))
            {
                digit |= char.IsDigit(s[i]);
                i++;
            }
            if (i == start || digit)
                continue;
            if (w > 0)
                buffer[w++] = ' ';
            for (int k = start; k < i; k++)
                buffer[w++] = char.ToLowerInvariant(s[k]);
        }
        return StableHash.OfChars(buffer[..w]);
    }
}
