using Detector.Scoring.Rules;
using Detector.Scoring.Tests.Statistics;
using Xunit;

namespace Detector.Scoring.Tests.Rules;

/// <summary>Rules run on every event: steps that report nothing must not allocate.</summary>
public sealed class RuleAllocationTests
{
    private const int Steps = 10_000;

    private static readonly RuleSet Defaults = RuleSet.LoadDefault();

    [Fact]
    public void Steps_that_match_nothing_allocate_nothing()
    {
        var state = new RuleSessionState();
        var buffer = new RuleMatchBuffer();
        var facts = Facts.Ordinary;
        int step = 0;

        long bytes = Allocations.Of(() =>
        {
            for (int i = 0; i < Steps; i++)
                Defaults.Observe(state, facts, ++step, buffer);
        }, repetitions: 10);

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Partial_matches_that_start_and_expire_without_reporting_reuse_their_storage()
    {
        // Sensitive reads start the exfiltration rules; 25 quiet steps later their partial matches have run out.
        var state = new RuleSessionState();
        var buffer = new RuleMatchBuffer();
        var read = Facts.Of('r');
        var ordinary = Facts.Ordinary;
        int step = 0;

        long bytes = Allocations.Of(() =>
        {
            for (int i = 0; i < Steps; i++)
                Defaults.Observe(state, i % 25 == 0 ? read : ordinary, ++step, buffer);
        }, repetitions: 10);

        Assert.Equal(0, bytes);
        Assert.Equal(0, buffer.Count);
    }
}
