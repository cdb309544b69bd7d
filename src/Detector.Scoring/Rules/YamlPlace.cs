namespace Detector.Scoring.Rules;

/// <summary>Where a value sits in a rule file, for load errors: the file, the rule (id or position) and the key path.</summary>
internal readonly record struct YamlPlace(string Source, string? Rule, string Key)
{
    public YamlPlace Child(string key) => this with { Key = Key.Length == 0 ? key : Key + "." + key };

    public YamlPlace Item(int index) => this with { Key = Key + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" };

    public YamlPlace InRule(string rule) => new(Source, rule, "");

    public override string ToString()
    {
        string rule = Rule is null ? "" : $", rule '{Rule}'";
        string key = Key.Length == 0 ? "" : $", key '{Key}'";
        return Source + rule + key;
    }
}
