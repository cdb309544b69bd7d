using Detector.Scoring.Rules;
using Xunit;

namespace Detector.Scoring.Tests.Rules;

public sealed class RuleTextTests
{
    private static readonly RuleSet Defaults = RuleSet.LoadDefault();

    [Theory]
    [InlineData("oorot", "sensitive_read_then_new_destination_transfer",
        "read confidential data at step 3, then transferred to a destination new for this agent at step 5 without approval")]
    [InlineData("oRooT", "sensitive_read_then_large_transfer_to_new_destination",
        "read restricted data at step 2, then transferred a large volume (48,000,000 bytes) to a destination new for this agent and its peers at step 5 without approval")]
    [InlineData("ooPpop", "privilege_run_after_ordinary_work",
        "changed privileges with a tool new for this agent (iam.attach_role_policy) at step 3 without approval, then changed privileges 2 times, at steps 4 and 6 without approval")]
    [InlineData("ow", "foreign_tenant_change", "wrote in a tenant this agent does not work in at step 2 without approval")]
    [InlineData("od", "delegated_change_outside_parent_intent",
        "transferred in a delegated session outside the parent session's intent at step 2")]
    [InlineData("of", "credential_bound_to_another_identity", "ran a tool with a credential bound to another agent or session at step 2")]
    [InlineData("os", "credential_from_stale_session", "ran a tool with a credential of a session idle past its timeout at step 2")]
    [InlineData("oy", "large_transfer_to_young_destination",
        "transferred a large volume (48,000,000 bytes) to a destination seen only recently at step 2 without approval")]
    public void A_completed_match_reads_as_what_the_agent_did_step_by_step(string session, string rule, string text)
    {
        var run = new RuleRun(Defaults).Feed(session);

        var match = run.Matches.Single(m => m.Rule.Id == rule && m.Stage == RuleStage.Completed);
        Assert.Equal(text, Defaults.Describe(match));
    }

    [Fact]
    public void A_partial_match_says_it_is_short_of_the_chain()
    {
        var run = new RuleRun(Defaults).Feed("ooPp");

        var match = Assert.Single(run.Matches, m => m.Rule.Id == "privilege_run_after_ordinary_work");
        Assert.Equal(
            "changed privileges with a tool new for this agent (iam.attach_role_policy) at step 3 without approval, then changed privileges at step 4 without approval (one step short of the full chain)",
            Defaults.Describe(match));
    }

    [Fact]
    public void Tool_and_outcome_conditions_appear_in_the_text()
    {
        var rules = TestRules.Chain("{ match: { tool: \"iam.*\", outcome: denied } }");
        var run = new RuleRun(rules).Feed(Facts.Of('p') with { Outcome = Domain.Events.Outcome.Denied });

        Assert.Equal("changed privileges with iam.attach_role_policy (denied) at step 1", rules.Describe(Assert.Single(run.Matches)));
    }
}
