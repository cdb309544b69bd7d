using Detector.Scoring.Engine;
using Detector.Scoring.Evaluation;
using Detector.Scoring.Tests.Quality;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// Risk separates: on small simulated fleets of several seeds, attack sessions peak above benign ones.
/// A score that only stays within [0,1] (a constant, a clamp) ranks at an AUC of 0.5 and fails.
/// </summary>
/// <remarks>
/// The bar is for fleets trained on two or three days, measured between 0.78 and 0.95 over 32 of them;
/// the quality bar on a default-size fleet is <see cref="Quality.QualityBarTests"/>'s.
/// </remarks>
public sealed class SeparationPropertyTests
{
    [Fact]
    public void Attack_sessions_peak_above_the_benign_median_and_rank_far_above_chance()
    {
        SeededCheck.Verify(Prop.ForAll(SmallFleets.Arbitrary, options =>
        {
            var fleet = new SimulatedFleet(options);
            var engine = new EngineOptions();

            var (malicious, benign) = fleet.Replay(fleet.Train(engine), engine).Peaks(fleet.Labels);

            double benignMedian = Median(benign), auc = RankMetrics.RocAuc(malicious, benign);
            Assert.True(malicious.Length >= 5 && benign.Length >= 50, $"{malicious.Length} attack and {benign.Length} benign sessions");
            Assert.True(Median(malicious) > benignMedian, $"attack median {Median(malicious):G4}, benign median {benignMedian:G4}");
            Assert.True(auc >= 0.75, $"ROC AUC {auc:0.000}");
        }), maxTest: 4);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
