using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Detector.Scoring.Rules;

/// <summary>Typed reads of YAML nodes for the rule loader; every failure names the place and line.</summary>
internal static class YamlValues
{
    public static YamlMappingNode Mapping(YamlNode node, in YamlPlace at) =>
        node as YamlMappingNode ?? Fail<YamlMappingNode>(node, at, "expected a mapping of keys to values");

    public static YamlSequenceNode Sequence(YamlNode node, in YamlPlace at) =>
        node as YamlSequenceNode ?? Fail<YamlSequenceNode>(node, at, "expected a list");

    public static string Text(YamlNode node, in YamlPlace at)
    {
        string? value = (node as YamlScalarNode)?.Value?.Trim();
        return string.IsNullOrEmpty(value) ? Fail<string>(node, at, "expected a non-empty value") : value;
    }

    public static int Integer(YamlNode node, in YamlPlace at, int min, int max)
    {
        string text = Text(node, at);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : Fail<int>(node, at, $"'{text}' is not a whole number in [{min}, {max}]");
    }

    /// <summary>A p-value: a number strictly between 0 and 1 (1 would be no evidence at all).</summary>
    public static double Probability(YamlNode node, in YamlPlace at)
    {
        string text = Text(node, at);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && value < 1
            ? value
            : Fail<double>(node, at, $"'{text}' is not a probability in (0, 1), e.g. 1e-4");
    }

    public static bool Boolean(YamlNode node, in YamlPlace at) => Text(node, at) switch
    {
        "true" => true,
        "false" => false,
        var other => Fail<bool>(node, at, $"'{other}' is not true or false"),
    };

    /// <summary>One scalar or a non-empty list of scalars.</summary>
    public static List<(string Text, YamlNode Node)> Items(YamlNode node, in YamlPlace at)
    {
        if (node is not YamlSequenceNode list)
            return [(Text(node, at), node)];
        if (list.Children.Count == 0)
            Throw(node, at, "expected at least one value");
        var items = new List<(string, YamlNode)>(list.Children.Count);
        foreach (var item in list.Children)
            items.Add((Text(item, at), item));
        return items;
    }

    /// <summary>The entries of a mapping by key, each key checked to be one of <paramref name="known"/>.</summary>
    public static Dictionary<string, YamlNode> Entries(YamlMappingNode map, in YamlPlace at, string what, IReadOnlyList<string> known)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            string key = Text(keyNode, at);
            if (!known.Contains(key))
                Throw(keyNode, at.Child(key), $"unknown {what} (expected one of {string.Join(", ", known)})");
            if (!entries.TryAdd(key, value))
                Throw(keyNode, at.Child(key), $"{what} given twice");
        }
        return entries;
    }

    /// <summary>The value of a key, looked up before the mapping's keys are checked.</summary>
    public static YamlNode? Find(YamlMappingNode map, string key)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is YamlScalarNode { Value: var k } && k == key)
                return value;
        }
        return null;
    }

    public static YamlNode Required(Dictionary<string, YamlNode> entries, YamlNode map, in YamlPlace at, string key) =>
        entries.TryGetValue(key, out var node) ? node : Fail<YamlNode>(map, at.Child(key), "required key missing");

    [DoesNotReturn]
    public static void Throw(YamlNode node, in YamlPlace at, string message) => throw Error(node, at, message);

    [DoesNotReturn]
    public static T Fail<T>(YamlNode node, in YamlPlace at, string message) => throw Error(node, at, message);

    private static RuleSetException Error(YamlNode node, in YamlPlace at, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{at}: {message} (line {node.Start.Line})"));
}
