using System.Runtime.CompilerServices;
using Detector.Domain.Events;
using Detector.Domain.Ingest;

namespace Detector.Scoring.Profiles;

/// <summary>
/// Normalises a resource to its pattern by replacing identifier-like path and query segments:
/// "s3://corp/customers/88123.parquet" and ".../customers/90411.parquet" share a pattern, so new
/// ids every day are not novelty while a new bucket or collection is. Segments are split on
/// / ? &amp; = : # and '.' before an extension; a segment is an identifier when it has a digit and is
/// mostly digits or hex, or is a UUID. Only the pattern's hash is produced on the hot path.
/// </summary>
public static class ResourcePattern
{
    private const int MaxBytes = 512;

    /// <summary>The pattern's hash of a parsed event's resource, read from its UTF-8 where it fits.</summary>
    [SkipLocalsInit] // the buffer is read only as far as it is written
    public static ulong Hash(Utf8Field resource)
    {
        Span<char> text = stackalloc char[MaxBytes];
        return Hash(resource.Chars(text));
    }

    [SkipLocalsInit] // the buffer is read only as far as it is written
    private static ulong Hash(ReadOnlySpan<char> resource)
    {
        Span<char> buffer = stackalloc char[MaxBytes];
        int n = Normalize(resource, buffer);
        return StableHash.OfChars(buffer[..n]);
    }

    private static int Normalize(ReadOnlySpan<char> s, Span<char> dest)
    {
        int w = 0;
        int i = 0;
        while (i < s.Length && w < dest.Length - 4)
        {
            if (IsSeparator(s[i]))
            {
                dest[w++] = s[i++];
                continue;
            }
            int start = i;
            while (i < s.Length && !IsSeparator(s[i]))
                i++;
            var segment = s[start..i];
            // Keep a file extension: "88123.parquet" -> "{id}.parquet".
            int dot = segment.LastIndexOf('.');
            var stem = dot > 0 ? segment[..dot] : segment;
            var ext = dot > 0 ? segment[dot..] : [];
            if (IsIdentifier(stem))
            {
                "{id}".AsSpan().CopyTo(dest[w..]);
                w += 4;
                int copy = Math.Min(ext.Length, dest.Length - w);
                ext[..copy].CopyTo(dest[w..]);
                w += copy;
            }
            else
            {
                int copy = Math.Min(segment.Length, dest.Length - w);
                segment[..copy].CopyTo(dest[w..]);
                w += copy;
            }
        }
        return w;
    }

    private static bool IsSeparator(char c) => c is '/' or '?' or '&' or '=' or ':' or '#';

    private static bool IsIdentifier(ReadOnlySpan<char> segment)
    {
        if (segment.IsEmpty)
            return false;
        int digits = 0, hex = 0, dashes = 0;
        foreach (char c in segment)
        {
            if (char.IsAsciiDigit(c))
                digits++;
            else if (char.IsAsciiHexDigit(c))
                hex++;
            else if (c is '-' or '_')
                dashes++;
        }
        if (digits == 0)
            return false;
        // Mostly digits (ticket 4411, PR-42 style suffixes) or a hex/uuid token.
        return digits * 2 >= segment.Length || (digits + hex + dashes == segment.Length && segment.Length >= 8);
    }
}
