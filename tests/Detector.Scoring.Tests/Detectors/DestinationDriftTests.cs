using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// Growing sends to a young destination (slow poisoning): from 11:00 the analyst exports to a vendor it
/// never used before, one session an hour, each export twice the last. Five strictly growing sizes have
/// chance 1/5! = 1/120 under no trend. Its twin sends the same number of exports of unordered sizes.
/// </summary>
public sealed class DestinationDriftTests : RepeatableScoringContract
{
    private const string Vendor = "https://intake.newvendor.example/upload";

    protected override EvidenceKind Kind => EvidenceKind.DestinationDrift;

    protected override double Bound => 0.01;

    protected override IDetector CreateDetector() => new DestinationDriftDetector();

    internal override DetectorScenario Anomalous() => Scenario([2_000, 4_000, 8_000, 16_000, 32_000]);

    internal override DetectorScenario Normal() => Scenario([8_000, 3_000, 6_000, 4_000, 7_000]);

    /// <summary>
    /// Four growing sizes after eight unordered ones: a destination used often offers a growing run many
    /// places to start, so chance explains the run (9 starts x 1/4! ~ 0.4), while the same four sizes
    /// as a destination's whole history do not (1/4!, below the 5% that makes a trend).
    /// </summary>
    [Fact]
    public void A_late_growing_run_on_a_busy_destination_is_not_a_trend()
    {
        var late = Scenario([8_000, 3_000, 6_000, 4_000, 7_000, 5_000, 9_000, 2_000, 3_000, 4_000, 5_000, 6_000]);
        var whole = Scenario([3_000, 4_000, 5_000, 6_000]);

        Assert.True(Replay(late).Strongest(Kind, late.Subject) > Significant);
        Assert.True(Replay(whole).Strongest(Kind, whole.Subject) < Significant);
    }

    private static DetectorScenario Scenario(long[] sizes) => DetectorScenario.Of(AnalystFleet.History, (script, random) =>
    {
        AnalystFleet.Morning(script, random);
        for (int i = 0; i < sizes.Length; i++)
            AnalystFleet.Session(script, 11 + i, reads: 0, Vendor, sizes[i]);
    });
}
