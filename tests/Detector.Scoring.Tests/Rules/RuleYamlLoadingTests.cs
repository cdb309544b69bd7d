using Detector.Domain.Events;
using Detector.Domain.Outputs;
using Detector.Scoring.Rules;
using Detector.TestSupport;
using Xunit;

namespace Detector.Scoring.Tests.Rules;

public sealed class RuleYamlLoadingTests
{
    private const string Valid = """
        version: 1
        rules:
          - id: staged_exfiltration
            description: Restricted data was read, staged and sent out.
            severity: high
            p_value: 1e-5
            partial_p_value: 1e-3
            steps:
              - match: { action: read, sensitivity: restricted }
              - match: { action: [write, execute], tool: "archive.*" }
                repeat: 2
                consecutive: true
                within: 5
              - match:
                  action: transfer
                  destination: [new_for_agent, new_for_peers]
                  approval: absent
                  large_transfer: true
                  outcome: success
                not_before: 3
        """;

    [Fact]
    public void A_rule_with_every_kind_of_setting_loads_with_its_values()
    {
        var rule = Assert.Single(RuleSet.Parse(Valid, "valid.yaml").Rules);

        Assert.Equal("staged_exfiltration", rule.Id);
        Assert.Equal("Restricted data was read, staged and sent out.", rule.Description);
        Assert.Equal(Severity.High, rule.Severity);
        Assert.Equal(1e-5, rule.PValue);
        Assert.Equal(1e-3, rule.PartialPValue);
        Assert.Equal(4, rule.Length);
    }

    [Fact]
    public void The_shipped_rule_set_loads_and_every_rule_explains_itself()
    {
        var rules = RuleSet.LoadDefault().Rules;

        Assert.Equal(
            [
                "sensitive_read_then_new_destination_transfer", "sensitive_read_then_large_transfer_to_new_destination",
                "privilege_run_after_ordinary_work", "privilege_changes_with_new_tools", "foreign_tenant_change", "delegated_change_outside_parent_intent",
                "credential_bound_to_another_identity", "credential_used_after_expiry", "credential_from_stale_session",
                "large_transfer_to_young_destination",
                "sensitive_read_run_then_new_destination_transfer",
                "privilege_changes_by_a_rare_privilege_user",
                "foreign_tenant_read_then_change",
                "foreign_tenant_read_run",
                "growing_transfers_to_young_destination_after_sensitive_read",
            ],
            rules.Select(r => r.Id));
        Assert.All(rules, r => Assert.EndsWith(".", r.Description));
        Assert.All(rules, r => Assert.InRange(r.PValue, 1e-7, 1e-3));
        Assert.DoesNotContain(rules, r => r.Severity == Severity.Critical);
    }

    [Theory]
    [InlineData(">=confidential", "confidential restricted")]
    [InlineData(">internal", "confidential restricted")]
    [InlineData("<=internal", "public internal")]
    [InlineData("<internal", "public")]
    [InlineData("[unknown, restricted]", "unknown restricted")]
    [InlineData("internal", "internal")]
    public void Sensitivity_comparisons_cover_the_known_levels_only(string condition, string expected)
    {
        var rules = TestRules.Chain($"{{ match: {{ sensitivity: \"{condition}\" }} }}".Replace("\"[", "[", StringComparison.Ordinal).Replace("]\"", "]", StringComparison.Ordinal));
        var matched = new List<string>();
        foreach (var s in Enum.GetValues<Sensitivity>())
        {
            if (new RuleRun(rules).Feed(Facts.Ordinary with { Sensitivity = s }).Completed(TestRules.Id))
                matched.Add(s.WireName());
        }
        Assert.Equal(expected, string.Join(' ', matched));
    }

    [Theory]
    [InlineData(">=young", "young new_for_agent new_for_peers")]
    [InlineData("<new_for_agent", "established young")]
    [InlineData("none", "none")]
    public void Destination_comparisons_order_by_novelty_and_leave_out_none(string condition, string expected)
    {
        var rules = TestRules.Chain($"{{ match: {{ destination: \"{condition}\" }} }}");
        string[] names = ["none", "established", "young", "new_for_agent", "new_for_peers"];
        var matched = Enum.GetValues<DestinationClass>()
            .Where(d => new RuleRun(rules).Feed(Facts.Ordinary with { Destination = d }).Completed(TestRules.Id))
            .Select(d => names[(int)d]);
        Assert.Equal(expected, string.Join(' ', matched));
    }

    [Theory]
    [InlineData("iam.*", "iam.attach_role_policy", true)]
    [InlineData("iam.*", "xiam.attach", false)]
    [InlineData("*.delete_*", "s3.delete_object", true)]
    [InlineData("s3.?et_object", "s3.get_object", true)]
    [InlineData("s3.?et_object", "s3.gget_object", false)]
    [InlineData("email.send", "email.send", true)]
    [InlineData("email.send", "email.sender", false)]
    [InlineData("*", "", true)]
    public void Tool_conditions_match_exact_names_and_globs(string pattern, string tool, bool matches)
    {
        var rules = TestRules.Chain($"{{ match: {{ tool: \"{pattern}\" }} }}");
        Assert.Equal(matches, new RuleRun(rules).Feed(Facts.Ordinary with { Tool = tool }).Completed(TestRules.Id));
    }

    [Theory]
    [InlineData("rulez:\n  - id: a", "bad.yaml, key 'rulez': unknown key (expected one of version, rules) (line 1)")]
    [InlineData("version: 2\nrules: []", "bad.yaml, key 'version': '2' is not a whole number in [1, 1]")]
    [InlineData("rules: []", "bad.yaml, key 'rules': expected 1 to 64 rules")]
    [InlineData("rules: [ { description: D., severity: low, p_value: 0.1, steps: [ { match: {} } ] } ]", "bad.yaml, rule '#1', key 'id': required key missing")]
    [InlineData("rules: [ { id: BadName, description: D., severity: low, p_value: 0.1, steps: [ { match: {} } ] } ]", "rule '#1', key 'id': 'BadName' is not snake_case")]
    [InlineData("rules: [ { id: a, description: D., sevrity: low, p_value: 0.1, steps: [ { match: {} } ] } ]", "rule 'a', key 'sevrity': unknown key (expected one of id, description, severity, p_value, partial_p_value, steps)")]
    [InlineData("rules: [ { id: a, description: D., p_value: 0.1, steps: [ { match: {} } ] } ]", "rule 'a', key 'severity': required key missing")]
    [InlineData("rules: [ { id: a, description: D., severity: urgent, p_value: 0.1, steps: [ { match: {} } ] } ]", "rule 'a', key 'severity': 'urgent' is not one of low, medium, high, critical")]
    [InlineData("rules: [ { id: a, description: D., severity: none, p_value: 0.1, steps: [ { match: {} } ] } ]", "rule 'a', key 'severity': 'none' is not one of")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 2, steps: [ { match: {} } ] } ]", "rule 'a', key 'p_value': '2' is not a probability in (0, 1)")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0, steps: [ { match: {} } ] } ]", "rule 'a', key 'p_value': '0' is not a probability")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: often, steps: [ { match: {} } ] } ]", "rule 'a', key 'p_value': 'often' is not a probability")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, partial_p_value: 0.5, steps: [ { match: {} } ] } ]", "rule 'a', key 'partial_p_value': a one-step pattern has no partial stage")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, partial_p_value: 0.01, steps: [ { match: {} }, { match: {} } ] } ]", "rule 'a', key 'partial_p_value': must be larger than p_value")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [] } ]", "rule 'a', key 'steps': expected at least one step")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { repeat: 2 } ] } ]", "rule 'a', key 'steps[0].match': required key missing")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: {}, repat: 2 } ] } ]", "rule 'a', key 'steps[0].repat': unknown key (expected one of match, repeat, consecutive, within, not_before)")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: { acton: read } } ] } ]", "rule 'a', key 'steps[0].match.acton': unknown field (expected one of action, sensitivity,")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: { action: transfr } } ] } ]", "rule 'a', key 'steps[0].match.action': 'transfr' is not one of unknown, read, write, execute, transfer, privilege")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: { action: [] } } ] } ]", "rule 'a', key 'steps[0].match.action': expected at least one value")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: { action: \">=read\" } } ] } ]", "rule 'a', key 'steps[0].match.action': '>=read' compares values that have no order")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: { sensitivity: \">=secret\" } } ] } ]", "key 'steps[0].match.sensitivity': 'secret' is not one of unknown, public, internal, confidential, restricted")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: { sensitivity: \"<public\" } } ] } ]", "key 'steps[0].match.sensitivity': '<public' matches no value")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: { destination: far_away } } ] } ]", "key 'steps[0].match.destination': 'far_away' is not one of none, established, young, new_for_agent, new_for_peers")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: { credential: stolen } } ] } ]", "key 'steps[0].match.credential': 'stolen' is not one of none, valid, expired, foreign, stale")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: { outcome: timeout } } ] } ]", "key 'steps[0].match.outcome': 'timeout' is not one of success, denied, error")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: { delegated: yes } } ] } ]", "key 'steps[0].match.delegated': 'yes' is not true or false")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: { approval: maybe } } ] } ]", "key 'steps[0].match.approval': 'maybe' is not present or absent")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: { tool: \"iam grant\" } } ] } ]", "key 'steps[0].match.tool': tool pattern 'iam grant' contains white space")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: {}, repeat: 0 } ] } ]", "key 'steps[0].repeat': '0' is not a whole number in [1, 16]")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: {}, repeat: 9 }, { match: {}, repeat: 8 } ] } ]", "rule 'a', key 'steps': the pattern needs 17 session steps (repeats counted); at most 16 are supported")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: {}, consecutive: true } ] } ]", "key 'steps[0].consecutive': needs repeat of 2 or more")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: {}, within: 3 } ] } ]", "key 'steps[0].within': counts from the previous match, and the first step has none")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: {} }, { match: {}, within: 0 } ] } ]", "key 'steps[1].within': '0' is not a whole number in [1, 1000000]")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: {}, not_before: -1 } ] } ]", "key 'steps[0].not_before': '-1' is not a whole number in [0, 1000000]")]
    [InlineData("rules: [ { id: a, description: D., severity: low, p_value: 0.1, steps: [ { match: {} } ] }, { id: a, description: E., severity: low, p_value: 0.1, steps: [ { match: {} } ] } ]", "rule 'a', key 'id': another rule has the same id")]
    [InlineData("rules: [ { id: a, description: D., severity: low, severity: high, p_value: 0.1, steps: [ { match: {} } ] } ]", "bad.yaml: not valid YAML at line 1: Duplicate key")]
    [InlineData("rules: [ { id: a, description: D.", "bad.yaml: not valid YAML at line")]
    [InlineData("rules: { id: a }", "bad.yaml, key 'rules': expected a list")]
    [InlineData("- a\n- b", "bad.yaml: expected a mapping of keys to values")]
    public void An_invalid_rule_file_fails_naming_the_rule_and_the_key(string yaml, string message)
    {
        var e = Assert.Throws<RuleSetException>(() => RuleSet.Parse(yaml, "bad.yaml"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_loads_a_rule_file_by_path()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("rules.yaml"), Valid);

        var set = RuleSet.Load(new RuleSetOptions { Path = dir.File("rules.yaml") });

        Assert.Equal("staged_exfiltration", Assert.Single(set.Rules).Id);
    }

    [Fact]
    public void Configuration_without_a_path_loads_the_shipped_rules_less_the_disabled_ones()
    {
        var set = RuleSet.Load(new RuleSetOptions { Disabled = ["foreign_tenant_change"] });

        Assert.Equal(RuleSet.LoadDefault().Rules.Count - 1, set.Rules.Count);
        Assert.DoesNotContain(set.Rules, r => r.Id == "foreign_tenant_change");
    }

    [Fact]
    public void Disabling_a_rule_that_does_not_exist_fails()
    {
        var e = Assert.Throws<RuleSetException>(() => RuleSet.Load(new RuleSetOptions { Disabled = ["no_such_rule"] }));
        Assert.Equal("default-rules.yaml: disabled rule 'no_such_rule' is not in the rule set", e.Message);
    }

    [Fact]
    public void A_missing_rule_file_fails_naming_the_path()
    {
        using var dir = new TempDirectory();
        string path = dir.File("absent.yaml");

        var e = Assert.Throws<RuleSetException>(() => RuleSet.Load(new RuleSetOptions { Path = path }));
        Assert.StartsWith(path + ": cannot read the rule file", e.Message, StringComparison.Ordinal);
    }
}
