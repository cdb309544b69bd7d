using Detector.Scoring.Rules;
using Detector.Scoring.Tests.Statistics;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Scoring.Tests.Rules;

/// <summary>Properties over random sessions of step codes (<see cref="Facts"/>) through the shipped rules.</summary>
public sealed class RuleMatcherPropertyTests
{
    private static readonly RuleSet Defaults = RuleSet.LoadDefault();

    private static readonly Arbitrary<string> Sessions =
        (from length in Gen.Choose(0, 60)
         from codes in Gen.ArrayOf(Gen.Elements(Facts.Codes.ToCharArray()), length)
         select new string(codes)).ToArbitrary();

    private static readonly Arbitrary<(string Session, int Cut)> CutSessions =
        (from session in Sessions.Generator
         from cut in Gen.Choose(0, session.Length)
         select (session, cut)).ToArbitrary();

    [Fact]
    public void The_same_steps_give_the_same_reports()
    {
        SeededProperty.Verify(Prop.ForAll(Sessions, session =>
            new RuleRun(Defaults).Feed(session).Reports.SequenceEqual(new RuleRun(Defaults).Feed(session).Reports)));
    }

    [Fact]
    public void A_checkpoint_anywhere_changes_nothing()
    {
        SeededProperty.Verify(Prop.ForAll(CutSessions, c =>
        {
            var straight = new RuleRun(Defaults).Feed(c.Session);
            var restored = new RuleRun(Defaults).Feed(c.Session[..c.Cut]).Checkpoint().Feed(c.Session[c.Cut..]);
            return straight.Reports.SequenceEqual(restored.Reports);
        }));
    }

    [Fact]
    public void Every_report_is_a_well_formed_match_and_each_stage_comes_once()
    {
        SeededProperty.Verify(Prop.ForAll(Sessions, session =>
        {
            var run = new RuleRun(Defaults);
            var seen = new HashSet<(string, RuleStage)>();
            foreach (char code in session)
            {
                run.Feed(code.ToString());
                foreach (var m in run.Matches.Skip(seen.Count))
                {
                    int[] steps = m.Steps.Select(s => s.Step).ToArray();
                    int expected = m.Stage == RuleStage.Completed ? m.Rule.Length : m.Rule.Length - 1;
                    Assert.True(seen.Add((m.Rule.Id, m.Stage)), $"{m.Rule.Id} reported {m.Stage} twice");
                    Assert.Equal(expected, steps.Length);
                    Assert.Equal(run.Step, steps[^1]);
                    Assert.True(steps.Zip(steps.Skip(1)).All(p => p.First < p.Second));
                    Assert.All(steps, s => Assert.Equal(Facts.Of(session[s - 1]), m.Steps.First(x => x.Step == s).Facts));
                }
            }
        }));
    }

    [Fact]
    public void A_rule_with_a_partial_stage_reports_it_at_an_earlier_step_than_its_completion()
    {
        SeededProperty.Verify(Prop.ForAll(Sessions, session =>
        {
            var run = new RuleRun(Defaults).Feed(session);
            foreach (var completed in run.Matches.Where(m => m.Stage == RuleStage.Completed && m.Rule.PartialPValue is not null))
            {
                var partial = run.Matches.Single(m => m.Rule == completed.Rule && m.Stage == RuleStage.Partial);
                Assert.True(partial.Steps[^1].Step < completed.Steps[^1].Step);
            }
        }));
    }

    [Fact]
    public void Every_shipped_rule_reports_at_the_first_step_any_choice_of_earlier_steps_allows()
    {
        SeededProperty.Verify(Prop.ForAll(Sessions, session => AssertAgreesWithReference(Defaults, session)));
    }

    [Fact]
    public void Patterns_with_gaps_repeats_and_wildcards_report_at_the_first_step_any_choice_allows()
    {
        var rules = RuleSet.Parse("""
            rules:
              - { id: read_then_send, description: D., severity: low, p_value: 0.01, partial_p_value: 0.1,
                  steps: [ { match: { action: read } }, { match: { action: transfer }, within: 3 } ] }
              - { id: burst, description: D., severity: low, p_value: 0.01, partial_p_value: 0.1,
                  steps: [ { match: { action: privilege }, repeat: 3, within: 2 } ] }
              - { id: strict_burst, description: D., severity: low, p_value: 0.01, partial_p_value: 0.1,
                  steps: [ { match: { action: privilege }, repeat: 3, consecutive: true } ] }
              - { id: read_write_send, description: D., severity: low, p_value: 0.01, partial_p_value: 0.1,
                  steps: [ { match: { action: read } }, { match: { action: write } }, { match: { action: transfer }, not_before: 4 } ] }
              - { id: read_then_privilege_run, description: D., severity: low, p_value: 0.01, partial_p_value: 0.1,
                  steps: [ { match: { action: read } }, { match: { action: privilege }, repeat: 3, within: 3 } ] }
              - { id: gaps_on_two_steps, description: D., severity: low, p_value: 0.01, partial_p_value: 0.1,
                  steps: [ { match: { action: read } }, { match: { action: write }, within: 3 }, { match: { action: transfer }, within: 2 } ] }
              - { id: any_steps_between, description: D., severity: low, p_value: 0.01, partial_p_value: 0.1,
                  steps: [ { match: { action: read } }, { match: {}, repeat: 2, within: 2 }, { match: { action: transfer } } ] }
            """, "test.yaml");
        var dense = (from length in Gen.Choose(0, 40)
                     from codes in Gen.ArrayOf(Gen.Elements('o', 'r', 'W', 't', 'p'), length)
                     select new string(codes)).ToArbitrary();

        SeededProperty.Verify(Prop.ForAll(dense, session => AssertAgreesWithReference(rules, session)));
    }

    private static void AssertAgreesWithReference(RuleSet rules, string session)
    {
        var facts = session.Select(Facts.Of).ToArray();
        var run = new RuleRun(rules);
        foreach (var f in facts)
            run.Feed(f);
        foreach (var rule in rules.Rules)
        {
            int completed = ReferenceMatcher.FirstStepMatching(rule, facts, rule.Length);
            Assert.Equal(completed, StepOf(run, rule, RuleStage.Completed));
            if (rule.PartialPValue is not null)
                Assert.Equal(ReferenceMatcher.FirstStepMatching(rule, facts, rule.Length - 1), StepOf(run, rule, RuleStage.Partial));
        }
    }

    private static int StepOf(RuleRun run, PolicyRule rule, RuleStage stage) =>
        run.Matches.Where(m => m.Rule == rule && m.Stage == stage).Select(m => m.Steps[^1].Step).SingleOrDefault();
}
