using Detector.Scoring.Rules;
using Xunit;

namespace Detector.Scoring.Tests.Rules;

/// <summary>Each shipped rule on its known-bad chain, and on the benign variants it must leave alone (step codes: <see cref="Facts"/>).</summary>
public sealed class DefaultRuleTests
{
    private static readonly RuleSet Defaults = RuleSet.LoadDefault();

    [Theory]
    [InlineData("sensitive_read_then_new_destination_transfer", "oorot", "completed at 5: 3 5")]
    [InlineData("sensitive_read_then_new_destination_transfer", "oRoY", "completed at 4: 2 4")]
    [InlineData("sensitive_read_then_large_transfer_to_new_destination", "oRooT", "completed at 5: 2 5")]
    [InlineData("privilege_run_after_ordinary_work", "ooPpp", "completed at 5: 3 4 5")]
    [InlineData("privilege_run_after_ordinary_work", "ooPopoop", "completed at 8: 3 5 8")]
    [InlineData("privilege_changes_with_new_tools", "oPoP", "completed at 4: 2 4")]
    [InlineData("privilege_changes_with_new_tools", "PP", "completed at 2: 1 2")]
    [InlineData("foreign_tenant_change", "oow", "completed at 3: 3")]
    [InlineData("delegated_change_outside_parent_intent", "od", "completed at 2: 2")]
    [InlineData("delegated_change_outside_parent_intent", "oj", "completed at 2: 2")]
    [InlineData("credential_bound_to_another_identity", "of", "completed at 2: 2")]
    [InlineData("credential_used_after_expiry", "ox", "completed at 2: 2")]
    [InlineData("credential_from_stale_session", "os", "completed at 2: 2")]
    [InlineData("large_transfer_to_young_destination", "oy", "completed at 2: 2")]
    [InlineData("sensitive_read_run_then_new_destination_transfer", "orrrt", "completed at 5: 2 3 4 5")]
    [InlineData("sensitive_read_run_then_new_destination_transfer", "orRrooT", "completed at 7: 2 3 4 7")]
    [InlineData("privilege_changes_by_a_rare_privilege_user", "ozp", "completed at 3: 2 3")]
    [InlineData("privilege_changes_by_a_rare_privilege_user", "zooooop", "completed at 7: 1 7")]
    [InlineData("foreign_tenant_read_then_change", "ovw", "completed at 3: 2 3")]
    [InlineData("foreign_tenant_read_run", "ovvv", "completed at 4: 2 3 4")]
    [InlineData("foreign_tenant_read_run", "vooovoooov", "completed at 10: 1 5 10")]
    [InlineData("growing_transfers_to_young_destination_after_sensitive_read", "orG", "completed at 3: 2 3")]
    public void A_default_rule_completes_on_its_chain(string rule, string session, string report)
    {
        var run = new RuleRun(Defaults).Feed(session);

        Assert.Contains(rule + " " + report, run.Reports);
    }

    [Theory]
    [InlineData("sensitive_read_then_new_destination_transfer", "approval present", "ora")]
    [InlineData("sensitive_read_then_new_destination_transfer", "established destination", "ore")]
    [InlineData("sensitive_read_then_new_destination_transfer", "nothing sensitive read", "oit")]
    [InlineData("sensitive_read_then_new_destination_transfer", "transfer before the read", "otr")]
    [InlineData("sensitive_read_then_new_destination_transfer", "21 steps apart, beyond within", "roooooooooooooooooooot")]
    [InlineData("sensitive_read_then_large_transfer_to_new_destination", "approval present", "RA")]
    [InlineData("sensitive_read_then_large_transfer_to_new_destination", "a small transfer", "Rt")]
    [InlineData("sensitive_read_then_large_transfer_to_new_destination", "a young destination", "Ry")]
    [InlineData("sensitive_read_then_large_transfer_to_new_destination", "an established destination", "RL")]
    [InlineData("privilege_run_after_ordinary_work", "not enough ordinary work first", "oPpp")]
    [InlineData("privilege_run_after_ordinary_work", "a run at session start", "Pppp")]
    [InlineData("privilege_run_after_ordinary_work", "only familiar privilege tools", "oopppppp")]
    [InlineData("privilege_run_after_ordinary_work", "approved changes", "ooQqq")]
    [InlineData("privilege_run_after_ordinary_work", "only two changes", "ooPpoooooooo")]
    [InlineData("privilege_run_after_ordinary_work", "changes too far apart", "ooPoooopoooop")]
    [InlineData("privilege_changes_with_new_tools", "one new tool, then familiar ones", "oPppp")]
    [InlineData("privilege_changes_with_new_tools", "approved changes", "oQQ")]
    [InlineData("privilege_changes_with_new_tools", "new tools too far apart", "PooooooP")]
    [InlineData("foreign_tenant_change", "same tenant", "oWWt")]
    [InlineData("foreign_tenant_change", "reads only in the foreign tenant", "ovvv")]
    [InlineData("foreign_tenant_change", "approval present", "ok")]
    [InlineData("delegated_change_outside_parent_intent", "parent intent consistent", "oD")]
    [InlineData("delegated_change_outside_parent_intent", "a read outside the intent", "og")]
    [InlineData("delegated_change_outside_parent_intent", "not delegated", "oe")]
    [InlineData("credential_bound_to_another_identity", "valid credential", "oooo")]
    [InlineData("credential_bound_to_another_identity", "no credential", "on")]
    [InlineData("credential_used_after_expiry", "valid credential", "oooo")]
    [InlineData("credential_from_stale_session", "valid credential", "oooo")]
    [InlineData("large_transfer_to_young_destination", "an established destination", "oL")]
    [InlineData("large_transfer_to_young_destination", "a small transfer", "oY")]
    [InlineData("large_transfer_to_young_destination", "a new destination", "oT")]
    [InlineData("sensitive_read_run_then_new_destination_transfer", "the reads broken up", "orrort")]
    [InlineData("sensitive_read_run_then_new_destination_transfer", "approval present", "orrra")]
    [InlineData("sensitive_read_run_then_new_destination_transfer", "an established destination", "orrre")]
    [InlineData("sensitive_read_run_then_new_destination_transfer", "a young destination", "orrrY")]
    [InlineData("sensitive_read_run_then_new_destination_transfer", "11 steps after the run", "orrr" + "oooooooooo" + "t")]
    [InlineData("privilege_changes_by_a_rare_privilege_user", "a usual privilege user", "oppp")]
    [InlineData("privilege_changes_by_a_rare_privilege_user", "approved changes", "oZq")]
    [InlineData("privilege_changes_by_a_rare_privilege_user", "a single change", "ozooo")]
    [InlineData("privilege_changes_by_a_rare_privilege_user", "changes too far apart", "zoooooop")]
    [InlineData("foreign_tenant_read_then_change", "no read there first", "ow")]
    [InlineData("foreign_tenant_read_then_change", "the change in its own tenant", "ovW")]
    [InlineData("foreign_tenant_read_then_change", "approval present", "ovk")]
    [InlineData("foreign_tenant_read_run", "two reads there", "ovovo")]
    [InlineData("foreign_tenant_read_run", "reads too far apart", "vooooovoooooov")]
    [InlineData("foreign_tenant_read_run", "reads in its own tenant", "orrrR")]
    [InlineData("foreign_tenant_read_run", "changes, not reads, there", "owww")]
    [InlineData("growing_transfers_to_young_destination_after_sensitive_read", "approval present", "orH")]
    [InlineData("growing_transfers_to_young_destination_after_sensitive_read", "nothing sensitive read", "oiG")]
    [InlineData("growing_transfers_to_young_destination_after_sensitive_read", "no growing series", "orY")]
    public void A_default_rule_leaves_the_benign_variant_alone(string rule, string variant, string session)
    {
        var run = new RuleRun(Defaults).Feed(session);

        Assert.False(run.Completed(rule), $"{rule} completed on {variant}: {string.Join("; ", run.Reports)}");
    }

    [Fact]
    public void A_transfer_20_steps_after_the_read_is_still_within_reach()
    {
        var run = new RuleRun(Defaults).Feed("r" + new string('o', 19) + "t");

        Assert.Contains("sensitive_read_then_new_destination_transfer completed at 21: 1 21", run.Reports);
    }

    [Fact]
    public void Privilege_run_risk_rises_one_change_before_the_run_completes()
    {
        var run = new RuleRun(Defaults).Feed("ooPpp");

        Assert.Equal(
            ["privilege_run_after_ordinary_work partial at 4: 3 4", "privilege_run_after_ordinary_work completed at 5: 3 4 5"],
            run.ReportsOf("privilege_run_after_ordinary_work"));
        var matches = run.Matches.Where(m => m.Rule.Id == "privilege_run_after_ordinary_work").ToList();
        Assert.Equal(1e-2, matches[0].PValue);
        Assert.Equal(Domain.Outputs.Severity.None, matches[0].Severity);
        Assert.Equal(1e-4, matches[1].PValue);
        Assert.Equal(Domain.Outputs.Severity.Medium, matches[1].Severity);
    }

    [Fact]
    public void A_bulk_exfiltration_completes_both_exfiltration_rules_at_the_send_naming_the_latest_read()
    {
        // Under a time limit the latest read is the start that can wait longest, so it is kept.
        var run = new RuleRun(Defaults).Feed("orRrT");

        Assert.Equal(
            ["sensitive_read_then_new_destination_transfer completed at 5: 4 5", "sensitive_read_then_large_transfer_to_new_destination completed at 5: 4 5"],
            run.Reports.Where(r => r.StartsWith("sensitive_read_then_", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_run_of_sensitive_reads_raises_risk_before_the_send_that_completes_the_exfiltration()
    {
        var run = new RuleRun(Defaults).Feed("orRrT");

        Assert.Equal(
            ["sensitive_read_run_then_new_destination_transfer partial at 4: 2 3 4", "sensitive_read_run_then_new_destination_transfer completed at 5: 2 3 4 5"],
            run.ReportsOf("sensitive_read_run_then_new_destination_transfer"));
    }
}
