using System.Text;
using Detector.Domain.Ingest;

namespace Detector.Scoring.Rules;

/// <summary>
/// A validated, immutable set of policy rules, shared by every shard. <see cref="Observe"/> feeds one
/// session step to all rules, keeping progress in the session's <see cref="RuleSessionState"/>: no
/// allocation unless a rule reports, state O(rules) per session.
/// </summary>
public sealed class RuleSet
{
    /// <summary>Most rules in a set (the per-session masks are 64 bits).</summary>
    public const int MaxRules = 64;

    private const string DefaultSource = "default-rules.yaml";
    private const string DefaultResource = "Detector.Scoring.Rules.default-rules.yaml";

    private readonly PolicyRule[] _rules;

    // Where each rule's stages start in a session's stage array: a rule of length L has L-1 stages.
    private readonly int[] _stageOffsets;

    private RuleSet(PolicyRule[] rules)
    {
        _rules = rules;
        _stageOffsets = new int[rules.Length];
        for (int i = 0; i < rules.Length; i++)
        {
            _stageOffsets[i] = StageCount;
            StageCount += rules[i].Length - 1;
        }
        Fingerprint = FingerprintOf(rules);
    }

    public IReadOnlyList<PolicyRule> Rules => _rules;

    /// <summary>Partial-match stages of all rules together: the size of a session's stage array.</summary>
    internal int StageCount { get; }

    internal int StageOffset(int rule) => _stageOffsets[rule];

    /// <summary>Identifies the patterns (not p-values or texts), so checkpointed state is only resumed under the same ones.</summary>
    internal ulong Fingerprint { get; }

    /// <summary>Parses and validates a rule file's text; <paramref name="source"/> names it in errors.</summary>
    public static RuleSet Parse(string yaml, string source) => new(RuleYamlReader.Read(yaml, source));

    /// <summary>The shipped rules.</summary>
    public static RuleSet LoadDefault() => Parse(DefaultYaml(), DefaultSource);

    /// <summary>The rules configured: the file at <see cref="RuleSetOptions.Path"/> or the shipped set, less the disabled ones.</summary>
    public static RuleSet Load(RuleSetOptions options)
    {
        bool shipped = string.IsNullOrWhiteSpace(options.Path);
        string source = shipped ? DefaultSource : options.Path!;
        var set = Parse(shipped ? DefaultYaml() : ReadFile(source), source);
        if (options.Disabled.Count == 0)
            return set;
        foreach (string id in options.Disabled)
        {
            if (!set._rules.Any(r => r.Id == id))
                throw new RuleSetException($"{source}: disabled rule '{id}' is not in the rule set");
        }
        return new RuleSet(set._rules.Where(r => !options.Disabled.Contains(r.Id)).ToArray());
    }

    /// <summary>The shipped rule file's text, to start a custom one from.</summary>
    public static string DefaultYaml()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"embedded resource {DefaultResource} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Feeds one step of a session to every rule and refills <paramref name="matches"/> with the rules
    /// that completed or reached their partial stage at it. Steps are numbered from 1 and must increase.
    /// </summary>
    public void Observe(RuleSessionState state, in StepFacts facts, int step, RuleMatchBuffer matches)
    {
        matches.Clear();
        state.Begin(this, step);
        ulong bits = FactBits.Of(facts);
        string tool = facts.Tool ?? "";
        var rules = _rules;
        for (int i = 0; i < rules.Length; i++)
        {
            // Most steps start nothing and find nothing in flight: one mask test per rule.
            if (state.IsCompleted(i) || (!state.HasLive(i) && !rules[i].Expected(0).Matches(bits, tool, step)))
                continue;
            RuleMatcher.Observe(rules[i], i, _stageOffsets[i], StageCount, state, bits, tool, facts, step, matches);
        }
    }

    /// <summary>What the matched steps did, for analysts: "read restricted data at step 3, then transferred ...".</summary>
    public string Describe(in RuleMatch match) => RuleText.Describe(match);

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuleSetException($"{path}: cannot read the rule file: {e.Message}", e);
        }
    }

    private static ulong FingerprintOf(PolicyRule[] rules)
    {
        var text = new StringBuilder();
        foreach (var rule in rules)
        {
            text.Append(rule.Id).Append('{');
            foreach (var s in rule.Steps)
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{s.Forbidden:x}/{s.Tool}/{s.Repeat}/{s.Consecutive}/{s.Within}/{s.NotBefore};");
            text.Append('}');
        }
        return StableHash.Of(text.ToString());
    }
}
