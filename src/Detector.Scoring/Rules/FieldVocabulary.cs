using Detector.Domain.Events;
using YamlDotNet.RepresentationModel;

namespace Detector.Scoring.Rules;

/// <summary>
/// The names an enum field takes in rule files (index = numeric value) and, for ordered fields, the
/// first value that takes part in comparisons such as <c>&gt;=confidential</c>. The value below it
/// (unknown, none) never satisfies a comparison; a rule must name it to match it.
/// </summary>
internal sealed class FieldVocabulary
{
    public static readonly FieldVocabulary Actions = new(FactField.Action, WireNames<ToolAction>(a => a.WireName()));

    public static readonly FieldVocabulary Sensitivities = new(FactField.Sensitivity, WireNames<Sensitivity>(s => s.WireName()), 1);

    public static readonly FieldVocabulary Outcomes = new(FactField.Outcome, WireNames<Outcome>(o => o.WireName()));

    public static readonly FieldVocabulary Destinations = new(FactField.Destination, ["none", "established", "young", "new_for_agent", "new_for_peers"], 1);

    public static readonly FieldVocabulary Credentials = new(FactField.Credential, ["none", "valid", "expired", "foreign", "stale"]);

    private readonly string[] _names;
    private readonly int _orderedFrom;

    private FieldVocabulary(FactField field, string[] names, int orderedFrom = -1)
    {
        // Seven values per field fit the bit layout; the eighth bit stands for any value beyond.
        if (names.Length > 7)
            throw new InvalidOperationException($"{field} has {names.Length} values; rule facts hold at most 7 per field");
        Field = field;
        _names = names;
        _orderedFrom = orderedFrom;
    }

    public FactField Field { get; }

    /// <summary>The fact bits a rule condition lets through: one name, a comparison, or a list of either.</summary>
    public ulong Allowed(YamlNode node, in YamlPlace at)
    {
        ulong allowed = 0;
        foreach (var (text, item) in YamlValues.Items(node, at))
            allowed |= AllowedBy(text, item, at);
        return allowed;
    }

    private ulong AllowedBy(string text, YamlNode node, in YamlPlace at)
    {
        int opLength = text.StartsWith(">=", StringComparison.Ordinal) || text.StartsWith("<=", StringComparison.Ordinal) ? 2
            : text.StartsWith('>') || text.StartsWith('<') ? 1
            : 0;
        int value = IndexOf(text[opLength..].Trim(), node, at);
        if (opLength == 0)
            return FactBits.Value(Field, value);
        if (_orderedFrom < 0 || value < _orderedFrom)
            YamlValues.Throw(node, at, $"'{text}' compares values that have no order");
        ulong allowed = 0;
        for (int v = _orderedFrom; v < _names.Length; v++)
        {
            bool keep = text[..opLength] switch
            {
                ">=" => v >= value,
                "<=" => v <= value,
                ">" => v > value,
                _ => v < value,
            };
            if (keep)
                allowed |= FactBits.Value(Field, v);
        }
        return allowed != 0 ? allowed : YamlValues.Fail<ulong>(node, at, $"'{text}' matches no value");
    }

    private int IndexOf(string name, YamlNode node, in YamlPlace at)
    {
        int i = Array.IndexOf(_names, name);
        return i >= 0 ? i : YamlValues.Fail<int>(node, at, $"'{name}' is not one of {string.Join(", ", _names)}");
    }

    /// <summary>The wire names of a domain enum whose values run 0, 1, 2... (as the event enums do).</summary>
    private static string[] WireNames<T>(Func<T, string> wireName)
        where T : struct, Enum => Enum.GetValues<T>().Select(wireName).ToArray();
}
