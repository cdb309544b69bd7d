namespace Detector.Scoring.Profiles;

/// <summary>
/// The organisation part of a destination, which stays put while the exact address changes: the
/// domain of an e-mail address, the host of a URL (scheme, port and path dropped), the first eight
/// characters of an account number (for an IBAN, country, check digits and bank), the text before
/// the first '/' or ':' otherwise.
/// </summary>
public static class DestinationDomain
{
    public static ReadOnlySpan<char> Of(string destination)
    {
        var s = destination.AsSpan();
        int at = s.LastIndexOf('@');
        if (at >= 0)
            return s[(at + 1)..];
        int scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
            s = s[(scheme + 3)..];
        int end = s.IndexOfAny('/', ':', '?');
        if (end >= 0)
            return s[..end];
        if (s.Length > 8 && IsAccountNumber(s))
            return s[..8];
        return s;
    }

    public static ulong Key(string destination) => Domain.Ingest.StableHash.OfChars(Of(destination));

    private static bool IsAccountNumber(ReadOnlySpan<char> s)
    {
        int digits = 0;
        foreach (char c in s)
        {
            if (char.IsAsciiDigit(c))
                digits++;
            else if (!char.IsAsciiLetterUpper(c) && c != ' ')
                return false;
        }
        return digits * 2 >= s.Length;
    }
}
