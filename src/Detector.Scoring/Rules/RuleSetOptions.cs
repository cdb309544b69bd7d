namespace Detector.Scoring.Rules;

/// <summary>Which policy rules run. Read once at start by <see cref="RuleSet.Load"/>, which validates them.</summary>
public sealed class RuleSetOptions
{
    /// <summary>A YAML rule file replacing the shipped default set. Default: null, the shipped <c>default-rules.yaml</c>.</summary>
    public string? Path { get; set; }

    /// <summary>Rule ids to switch off (say, a default rule too noisy for this fleet). Each must exist. Default: none.</summary>
    public List<string> Disabled { get; set; } = [];
}
