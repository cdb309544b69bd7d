using Detector.Scoring.Rules;
using Xunit;

namespace Detector.Scoring.Tests.Rules;

public sealed class RuleSessionStateTests
{
    private static readonly RuleSet Defaults = RuleSet.LoadDefault();

    [Theory]
    [InlineData("ooPp", "p")]
    [InlineData("oor", "oot")]
    [InlineData("oRoo", "T")]
    public void A_state_restored_mid_pattern_completes_the_same_way(string before, string after)
    {
        AssertSameReports(Defaults, before, after);
    }

    [Fact]
    public void A_state_restored_with_several_stages_in_flight_completes_the_same_way()
    {
        var rules = TestRules.Chain("{ match: { action: read } }", "{ match: { action: write } }", "{ match: { action: transfer }, within: 1 }");

        AssertSameReports(rules, "rWr", "Wt");
    }

    [Fact]
    public void A_restored_state_remembers_what_was_already_reported()
    {
        var run = new RuleRun(Defaults).Feed("ooPppf").Checkpoint();
        int reported = run.ReportsOf("privilege_run_after_ordinary_work").Count();

        run.Feed("ooPppf");

        Assert.Equal(reported, run.ReportsOf("privilege_run_after_ordinary_work").Count());
    }

    [Fact]
    public void A_fresh_state_round_trips_as_33_bytes_starting_with_the_version()
    {
        var state = new RuleSessionState();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            state.Write(writer);

        Assert.Equal(33, stream.Length);
        Assert.Equal(2, stream.ToArray()[0]);
        stream.Position = 0;
        Assert.Equal(0, RuleSessionState.Read(new BinaryReader(stream)).LastStep);
    }

    [Fact]
    public void A_state_restored_under_a_changed_rule_set_starts_over()
    {
        var before = TestRules.Chain("{ match: { action: read } }", "{ match: { action: transfer } }");
        var after = TestRules.Chain("{ match: { action: read } }", "{ match: { action: transfer }, within: 50 }");
        var run = new RuleRun(before).Feed("r").Checkpoint();
        var buffer = new RuleMatchBuffer();

        after.Observe(run.State, Facts.Of('t'), 2, buffer);

        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void A_state_restored_under_an_equal_rule_set_resumes()
    {
        string[] steps = ["{ match: { action: read } }", "{ match: { action: transfer } }"];
        var run = new RuleRun(TestRules.Chain(steps)).Feed("r").Checkpoint();
        var buffer = new RuleMatchBuffer();

        TestRules.Chain(steps).Observe(run.State, Facts.Of('t'), 2, buffer);

        Assert.Equal(1, buffer.Count);
    }

    [Fact]
    public void An_unknown_format_version_is_rejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => RuleSessionState.Read(new BinaryReader(new MemoryStream([9, 0, 0]))));
        Assert.Contains("format version 9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_partial_match_is_rejected()
    {
        var run = new RuleRun(Defaults).Feed("r");
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            run.State.Write(writer);
        byte[] bytes = stream.ToArray();
        bytes[33] = 200; // the first stage's progress

        var e = Assert.Throws<InvalidDataException>(() => RuleSessionState.Read(new BinaryReader(new MemoryStream(bytes))));
        Assert.Contains("progress 200", e.Message, StringComparison.Ordinal);
    }

    private static void AssertSameReports(RuleSet rules, string before, string after)
    {
        var straight = new RuleRun(rules).Feed(before + after);
        var restored = new RuleRun(rules).Feed(before).Checkpoint().Feed(after);

        Assert.NotEmpty(straight.Reports);
        Assert.Equal(straight.Reports, restored.Reports);
        Assert.Equal(straight.Matches.SelectMany(m => m.Steps), restored.Matches.SelectMany(m => m.Steps));
    }
}
