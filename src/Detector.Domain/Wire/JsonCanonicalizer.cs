using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Detector.Domain.Wire;

/// <summary>
/// The JSON Canonicalization Scheme of RFC 8785: no whitespace, object members sorted by the UTF-16
/// code units of their names (section 3.2.3), strings with only the mandatory escapes (3.2.2.2) and
/// numbers in the ECMAScript Number-to-String form (3.2.2.3). Signatures are computed over this form,
/// so a signer and a verifier that serialise the same data differently still agree byte for byte.
/// </summary>
public static class JsonCanonicalizer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The canonical form of <paramref name="json"/>, leaving out the top-level member named
    /// <paramref name="omitMember"/> if given; false when the input is not I-JSON (RFC 7493: well-formed,
    /// no duplicate names, no lone surrogates, finite numbers).
    /// </summary>
    public static bool TryCanonicalize(ReadOnlySpan<byte> json, string? omitMember, out byte[] canonical)
    {
        canonical = [];
        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            var output = new ArrayBufferWriter<byte>(json.Length + 16);
            if (!TryWrite(document.RootElement, output, omitMember))
                return false;
            canonical = output.WrittenSpan.ToArray();
            return true;
        }
        catch (Exception e) when (e is JsonException or EncoderFallbackException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryWrite(JsonElement element, IBufferWriter<byte> output, string? omitMember = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return TryWriteObject(element, output, omitMember);
            case JsonValueKind.Array:
                output.Write("["u8);
                bool first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                        output.Write(","u8);
                    first = false;
                    if (!TryWrite(item, output))
                        return false;
                }
                output.Write("]"u8);
                return true;
            case JsonValueKind.String:
                WriteString(element.GetString()!, output);
                return true;
            case JsonValueKind.Number:
                if (!element.TryGetDouble(out double value) || !double.IsFinite(value))
                    return false;
                output.Write(Encoding.ASCII.GetBytes(FormatNumber(value)));
                return true;
            case JsonValueKind.True:
                output.Write("true"u8);
                return true;
            case JsonValueKind.False:
                output.Write("false"u8);
                return true;
            case JsonValueKind.Null:
                output.Write("null"u8);
                return true;
            default:
                return false;
        }
    }

    private static bool TryWriteObject(JsonElement element, IBufferWriter<byte> output, string? omitMember)
    {
        var members = new List<JsonProperty>();
        foreach (var p in element.EnumerateObject())
        {
            if (p.Name != omitMember)
                members.Add(p);
        }
        // Ordinal comparison of .NET strings is comparison by UTF-16 code units, as RFC 8785 3.2.3 requires.
        members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        output.Write("{"u8);
        for (int i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                if (members[i].Name == members[i - 1].Name)
                    return false;
                output.Write(","u8);
            }
            WriteString(members[i].Name, output);
            output.Write(":"u8);
            if (!TryWrite(members[i].Value, output))
                return false;
        }
        output.Write("}"u8);
        return true;
    }

    /// <summary>RFC 8785 3.2.2.2: escape only '"', '\' and controls (short forms where JSON has them, else \u00xx lower-case).</summary>
    private static void WriteString(string value, IBufferWriter<byte> output)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20)
                        text.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        text.Append('"');
        // Strict UTF-8 throws on a lone surrogate, which I-JSON forbids.
        output.Write(StrictUtf8.GetBytes(text.ToString()));
    }

    /// <summary>
    /// ECMAScript Number::toString (ECMA-262, 7.1.12.1) of a finite double, as RFC 8785 3.2.2.3 requires:
    /// the shortest digits that round-trip, placed by the decimal exponent n (value = 0.digits x 10^n).
    /// </summary>
    public static string FormatNumber(double value)
    {
        if (value == 0)
            return "0";
        // "R" gives the shortest round-trip digits in .NET Core 3.0 and later; only their layout differs from ECMAScript.
        string r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E', StringComparison.Ordinal);
        string mantissa = e < 0 ? r : r[..e];
        int exponent = e < 0 ? 0 : int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        int n = (point < 0 ? mantissa.Length : point) + exponent;
        int leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
            leading++;
        digits = digits[leading..].TrimEnd('0');
        n -= leading;
        int k = digits.Length;

        var s = new StringBuilder(k + 8);
        if (value < 0)
            s.Append('-');
        if (k <= n && n <= 21)
            s.Append(digits).Append('0', n - k);
        else if (0 < n && n <= 21)
            s.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        else if (-6 < n && n <= 0)
            s.Append("0.").Append('0', -n).Append(digits);
        else
        {
            s.Append(digits[0]);
            if (k > 1)
                s.Append('.').Append(digits, 1, k - 1);
            s.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }
        return s.ToString();
    }
}
