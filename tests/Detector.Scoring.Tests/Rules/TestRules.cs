using Detector.Scoring.Rules;

namespace Detector.Scoring.Tests.Rules;

/// <summary>One-rule sets written inline: each step a YAML flow mapping such as <c>{ match: { action: read }, within: 3 }</c>.</summary>
internal static class TestRules
{
    public const string Id = "chain";

    public static RuleSet Chain(params string[] steps) => RuleSet.Parse(Yaml(steps, partial: null), "test.yaml");

    public static RuleSet ChainWithPartial(string partial, params string[] steps) => RuleSet.Parse(Yaml(steps, partial), "test.yaml");

    public static string Yaml(string[] steps, string? partial) =>
        "rules:\n"
        + $"  - id: {Id}\n"
        + "    description: A test chain.\n"
        + "    severity: medium\n"
        + "    p_value: 1e-4\n"
        + (partial is null ? "" : $"    partial_p_value: {partial}\n")
        + $"    steps: [{string.Join(", ", steps)}]\n";
}
