using System.Globalization;
using System.Text;

namespace Detector.Observability.Prometheus;

/// <summary>
/// The tags of one series, kept raw (to match measurements without allocating) and rendered once as
/// a Prometheus label list, sorted by name so the output order is stable.
/// </summary>
internal sealed class LabelSet
{
    private readonly KeyValuePair<string, object?>[] _tags;

    private LabelSet(KeyValuePair<string, object?>[] tags, int hash)
    {
        _tags = tags;
        Hash = hash;
        Rendered = Render(tags);
    }

    public int Hash { get; }

    /// <summary>name="value" pairs joined by commas, without braces; empty when there are no labels.</summary>
    public string Rendered { get; }

    public static LabelSet Create(ReadOnlySpan<KeyValuePair<string, object?>> tags, int hash)
    {
        var copy = tags.ToArray();
        Array.Sort(copy, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new LabelSet(copy, hash);
    }

    /// <summary>Independent of tag order, so the same tags passed in another order find the same series.</summary>
    public static int HashOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        int hash = tags.Length;
        foreach (var t in tags)
            hash += HashCode.Combine(t.Key, t.Value);
        return hash;
    }

    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != _tags.Length)
            return false;
        foreach (var t in tags)
        {
            if (!Contains(t))
                return false;
        }
        return true;
    }

    private bool Contains(KeyValuePair<string, object?> tag)
    {
        foreach (var own in _tags)
        {
            if (own.Key == tag.Key)
                return Equals(own.Value, tag.Value);
        }
        return false;
    }

    private static string Render(KeyValuePair<string, object?>[] tags)
    {
        var sb = new StringBuilder();
        foreach (var t in tags)
        {
            if (sb.Length > 0)
                sb.Append(',');
            sb.Append(PrometheusNames.Label(t.Key)).Append("=\"");
            TextFormat.AppendLabelValue(sb, Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? "");
            sb.Append('"');
        }
        return sb.ToString();
    }
}
