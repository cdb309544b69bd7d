using Detector.Scoring.Rules;
using Xunit;

namespace Detector.Scoring.Tests.Rules;

/// <summary>Repeat, within, consecutive, not_before, restarts and reporting, on one-rule sets (step codes: <see cref="Facts"/>).</summary>
public sealed class PatternSemanticsTests
{
    private const string Read = "{ match: { action: read } }";
    private const string Write = "{ match: { action: write } }";
    private const string Transfer = "{ match: { action: transfer } }";

    [Theory]
    [InlineData("rt", "chain completed at 2: 1 2")]
    [InlineData("root", "chain completed at 4: 1 4")]
    [InlineData("rooot", "")]
    [InlineData("rooorot", "chain completed at 7: 5 7")]
    public void Within_bounds_the_gap_to_the_previous_match_inclusively(string session, string expected)
    {
        var rules = TestRules.Chain(Read, "{ match: { action: transfer }, within: 3 }");

        Assert.Equal(expected, string.Join("; ", new RuleRun(rules).Feed(session).Reports));
    }

    [Theory]
    [InlineData("pp", "")]
    [InlineData("ppp", "chain completed at 3: 1 2 3")]
    [InlineData("popop", "chain completed at 5: 1 3 5")]
    [InlineData("poooooooooooopop", "chain completed at 16: 1 14 16")]
    public void Repeat_needs_that_many_matching_steps_with_anything_between_by_default(string session, string expected)
    {
        var rules = TestRules.Chain("{ match: { action: privilege }, repeat: 3 }");

        Assert.Equal(expected, string.Join("; ", new RuleRun(rules).Feed(session).Reports));
    }

    [Theory]
    [InlineData("ppp", "chain completed at 3: 1 2 3")]
    [InlineData("ppop", "")]
    [InlineData("ppoppp", "chain completed at 6: 4 5 6")]
    [InlineData("oppp", "chain completed at 4: 2 3 4")]
    public void Consecutive_repetitions_allow_no_step_in_between(string session, string expected)
    {
        var rules = TestRules.Chain("{ match: { action: privilege }, repeat: 3, consecutive: true }");

        Assert.Equal(expected, string.Join("; ", new RuleRun(rules).Feed(session).Reports));
    }

    [Theory]
    [InlineData("ppp", "chain completed at 3: 1 2 3")]
    [InlineData("popop", "chain completed at 5: 1 3 5")]
    [InlineData("poopp", "")]
    [InlineData("pooppp", "chain completed at 6: 4 5 6")]
    public void Within_on_a_repeated_first_step_bounds_the_gaps_between_repetitions(string session, string expected)
    {
        var rules = TestRules.Chain("{ match: { action: privilege }, repeat: 3, within: 2 }");

        Assert.Equal(expected, string.Join("; ", new RuleRun(rules).Feed(session).Reports));
    }

    [Theory]
    [InlineData("p", "")]
    [InlineData("op", "")]
    [InlineData("oop", "chain completed at 3: 3")]
    [InlineData("pop", "chain completed at 3: 3")]
    public void Not_before_needs_that_many_earlier_steps_in_the_session(string session, string expected)
    {
        var rules = TestRules.Chain("{ match: { action: privilege }, not_before: 2 }");

        Assert.Equal(expected, string.Join("; ", new RuleRun(rules).Feed(session).Reports));
    }

    [Theory]
    [InlineData("rt", "")]
    [InlineData("root", "")]
    [InlineData("rooot", "chain completed at 5: 1 5")]
    public void Not_before_on_a_later_step_counts_from_the_session_start(string session, string expected)
    {
        var rules = TestRules.Chain(Read, "{ match: { action: transfer }, not_before: 4 }");

        Assert.Equal(expected, string.Join("; ", new RuleRun(rules).Feed(session).Reports));
    }

    [Fact]
    public void Without_a_gap_limit_the_earliest_start_is_kept()
    {
        var run = new RuleRun(TestRules.Chain(Read, Transfer)).Feed("rrot");

        Assert.Equal(["chain completed at 4: 1 4"], run.Reports);
    }

    [Fact]
    public void A_later_start_takes_over_when_the_earlier_one_would_run_out_of_time()
    {
        var run = new RuleRun(TestRules.Chain(Read, "{ match: { action: transfer }, within: 3 }")).Feed("roorot");

        Assert.Equal(["chain completed at 6: 4 6"], run.Reports);
    }

    [Fact]
    public void A_stage_keeps_its_earliest_match_unless_a_gap_limit_follows_it()
    {
        // The write has no gap limit, so the first read stays; the transfer must follow the write
        // within one step, so the later write replaces the earlier one.
        var rules = TestRules.Chain(Read, Write, "{ match: { action: transfer }, within: 1 }");

        Assert.Equal(["chain completed at 5: 1 4 5"], new RuleRun(rules).Feed("rWrWt").Reports);
        Assert.Equal(["chain completed at 3: 1 2 3"], new RuleRun(rules).Feed("rWtWt").Reports);
    }

    [Fact]
    public void A_chain_is_found_even_when_taking_the_first_matching_step_would_miss_it()
    {
        // Taking the write at 5 leaves the transfer at 8 out of reach; the write at 6 completes it.
        var rules = TestRules.Chain(Read, "{ match: { action: write }, within: 3 }", "{ match: { action: transfer }, within: 2 }");

        Assert.Equal(["chain completed at 8: 4 6 8"], new RuleRun(rules).Feed("orrrWWot").Reports);
    }

    [Fact]
    public void A_completed_rule_reports_once_per_session()
    {
        Assert.Equal(["chain completed at 1: 1"], new RuleRun(TestRules.Chain(Transfer)).Feed("ttt").Reports);
        Assert.Equal(["chain completed at 2: 1 2"], new RuleRun(TestRules.Chain(Read, Transfer)).Feed("rtrtrt").Reports);
    }

    [Fact]
    public void The_partial_stage_is_reported_once_when_all_but_the_last_step_matched()
    {
        var rules = TestRules.ChainWithPartial("1e-2", Read, "{ match: { action: privilege }, repeat: 2 }", Transfer);

        var run = new RuleRun(rules).Feed("rporpot");

        Assert.Equal(["chain partial at 5: 1 2 5", "chain completed at 7: 1 2 5 7"], run.Reports);
        Assert.Equal(RuleStage.Partial, run.Matches[0].Stage);
        Assert.Equal(1e-2, run.Matches[0].PValue);
        Assert.Equal(1e-4, run.Matches[1].PValue);
    }

    [Fact]
    public void The_partial_stage_comes_exactly_one_matching_step_before_completion()
    {
        var rules = TestRules.ChainWithPartial("1e-2", Read, Transfer);

        var run = new RuleRun(rules).Feed("roooot");

        var partial = run.Matches[0];
        var completed = run.Matches[1];
        Assert.Equal(completed.Rule.Length - 1, partial.Steps.Count);
        Assert.Equal(partial.Steps, completed.Steps.Take(partial.Steps.Count));
    }

    [Fact]
    public void A_chain_that_never_completes_still_reports_its_partial_stage()
    {
        var run = new RuleRun(TestRules.ChainWithPartial("1e-2", Read, Transfer)).Feed("rooo");

        Assert.Equal(["chain partial at 1: 1"], run.Reports);
    }

    [Fact]
    public void Without_a_partial_p_value_nothing_is_reported_early()
    {
        var run = new RuleRun(TestRules.Chain(Read, Transfer)).Feed("rooo");

        Assert.Empty(run.Reports);
    }

    [Fact]
    public void Matched_steps_carry_the_facts_they_matched_on()
    {
        var run = new RuleRun(TestRules.Chain(Read, Transfer)).Feed("oRoT");

        var steps = Assert.Single(run.Matches).Steps;
        Assert.Equal(Facts.Of('R'), steps[0].Facts);
        Assert.Equal(Facts.Of('T'), steps[1].Facts);
    }

    [Fact]
    public void Steps_must_increase()
    {
        var rules = TestRules.Chain(Transfer);
        var state = new RuleSessionState();
        var buffer = new RuleMatchBuffer();
        rules.Observe(state, Facts.Ordinary, 5, buffer);

        Assert.Throws<ArgumentOutOfRangeException>(() => rules.Observe(state, Facts.Ordinary, 5, buffer));
    }

    [Fact]
    public void The_buffer_holds_only_the_reports_of_the_latest_step()
    {
        var rules = TestRules.Chain(Transfer);
        var state = new RuleSessionState();
        var buffer = new RuleMatchBuffer();
        rules.Observe(state, Facts.Of('t'), 1, buffer);
        Assert.Equal(1, buffer.Count);

        rules.Observe(state, Facts.Of('t'), 2, buffer);

        Assert.Equal(0, buffer.Count);
    }
}
