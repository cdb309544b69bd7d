using System.Text.RegularExpressions;
using Detector.Domain.Outputs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Detector.Scoring.Rules;

/// <summary>
/// Reads a rule file (schema in the README next to this file) into validated rules. Everything is
/// checked here, once, so matching never meets a bad value: unknown keys and fields, bad values and
/// inconsistent settings fail with the file, rule, key and line.
/// </summary>
internal static partial class RuleYamlReader
{
    /// <summary>Largest <c>within</c> or <c>not_before</c>: far beyond any real session, small enough for int arithmetic.</summary>
    private const int MaxSteps = 1_000_000;

    private static readonly string[] FileKeys = ["version", "rules"];
    private static readonly string[] RuleKeys = ["id", "description", "severity", "p_value", "partial_p_value", "steps"];
    private static readonly string[] StepKeys = ["match", "repeat", "consecutive", "within", "not_before"];

    public static PolicyRule[] Read(string yaml, string source)
    {
        var file = new YamlPlace(source, null, "");
        var root = YamlValues.Mapping(Load(yaml, source), file);
        var entries = YamlValues.Entries(root, file, "key", FileKeys);
        if (entries.TryGetValue("version", out var version))
            YamlValues.Integer(version, file.Child("version"), 1, 1);
        var list = YamlValues.Sequence(YamlValues.Required(entries, root, file, "rules"), file.Child("rules"));
        if (list.Children.Count == 0 || list.Children.Count > RuleSet.MaxRules)
            YamlValues.Throw(list, file.Child("rules"), $"expected 1 to {RuleSet.MaxRules} rules");
        var rules = new PolicyRule[list.Children.Count];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Length; i++)
        {
            rules[i] = ReadRule(list.Children[i], file.InRule("#" + (i + 1)));
            if (!ids.Add(rules[i].Id))
                YamlValues.Throw(list.Children[i], file.InRule(rules[i].Id).Child("id"), "another rule has the same id");
        }
        return rules;
    }

    private static YamlNode Load(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new RuleSetException($"{source}: not valid YAML at line {e.Start.Line}: {e.Message}", e);
        }
        return stream.Documents.Count == 1
            ? stream.Documents[0].RootNode
            : throw new RuleSetException($"{source}: expected one YAML document but found {stream.Documents.Count}");
    }

    private static PolicyRule ReadRule(YamlNode node, YamlPlace at)
    {
        var map = YamlValues.Mapping(node, at);
        // The id first, so every later error can name the rule.
        var idNode = YamlValues.Find(map, "id") ?? YamlValues.Fail<YamlNode>(map, at.Child("id"), "required key missing");
        string id = YamlValues.Text(idNode, at.Child("id"));
        if (!SnakeCase().IsMatch(id))
            YamlValues.Throw(idNode, at.Child("id"), $"'{id}' is not snake_case (a-z, 0-9, single underscores)");
        at = at.InRule(id);
        var entries = YamlValues.Entries(map, at, "key", RuleKeys);

        string description = YamlValues.Text(YamlValues.Required(entries, map, at, "description"), at.Child("description"));
        var severityNode = YamlValues.Required(entries, map, at, "severity");
        var severity = ParseSeverity(YamlValues.Text(severityNode, at.Child("severity")), severityNode, at.Child("severity"));
        double p = YamlValues.Probability(YamlValues.Required(entries, map, at, "p_value"), at.Child("p_value"));

        var stepsNode = YamlValues.Sequence(YamlValues.Required(entries, map, at, "steps"), at.Child("steps"));
        if (stepsNode.Children.Count == 0)
            YamlValues.Throw(stepsNode, at.Child("steps"), "expected at least one step");
        var steps = new RuleStep[stepsNode.Children.Count];
        int length = 0;
        for (int i = 0; i < steps.Length; i++)
        {
            steps[i] = ReadStep(stepsNode.Children[i], at.Child("steps").Item(i), first: i == 0);
            length += steps[i].Repeat;
        }
        if (length > PolicyRule.MaxLength)
            YamlValues.Throw(stepsNode, at.Child("steps"), $"the pattern needs {length} session steps (repeats counted); at most {PolicyRule.MaxLength} are supported");

        double? partial = null;
        if (entries.TryGetValue("partial_p_value", out var partialNode))
        {
            var place = at.Child("partial_p_value");
            partial = YamlValues.Probability(partialNode, place);
            if (length < 2)
                YamlValues.Throw(partialNode, place, "a one-step pattern has no partial stage");
            if (partial <= p)
                YamlValues.Throw(partialNode, place, "must be larger than p_value: evidence short of the last step is weaker");
        }
        return new PolicyRule(id, description, severity, p, partial, steps);
    }

    private static RuleStep ReadStep(YamlNode node, YamlPlace at, bool first)
    {
        var map = YamlValues.Mapping(node, at);
        var entries = YamlValues.Entries(map, at, "key", StepKeys);
        var match = YamlValues.Mapping(YamlValues.Required(entries, map, at, "match"), at.Child("match"));
        var (forbidden, tool) = MatchConditions.Compile(match, at.Child("match"));

        int repeat = entries.TryGetValue("repeat", out var repeatNode) ? YamlValues.Integer(repeatNode, at.Child("repeat"), 1, PolicyRule.MaxLength) : 1;
        bool consecutive = false;
        if (entries.TryGetValue("consecutive", out var consecutiveNode))
        {
            consecutive = YamlValues.Boolean(consecutiveNode, at.Child("consecutive"));
            if (repeat < 2)
                YamlValues.Throw(consecutiveNode, at.Child("consecutive"), "needs repeat of 2 or more");
        }
        int within = 0;
        if (entries.TryGetValue("within", out var withinNode))
        {
            within = YamlValues.Integer(withinNode, at.Child("within"), 1, MaxSteps);
            if (first && repeat < 2)
                YamlValues.Throw(withinNode, at.Child("within"), "counts from the previous match, and the first step has none (unless it repeats)");
        }
        int notBefore = entries.TryGetValue("not_before", out var notBeforeNode) ? YamlValues.Integer(notBeforeNode, at.Child("not_before"), 0, MaxSteps) : 0;
        return new RuleStep(forbidden, tool, repeat, consecutive, within, notBefore);
    }

    private static Severity ParseSeverity(string text, YamlNode node, in YamlPlace at) =>
        OutputEnums.TryParseSeverity(text, out var severity) && severity != Severity.None
            ? severity
            : YamlValues.Fail<Severity>(node, at, $"'{text}' is not one of low, medium, high, critical");

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();
}
