using Detector.Domain.Outputs;
using Detector.Scoring.Bindings;
using Detector.Scoring.Engine;
using Detector.Scoring.Fusion;
using Detector.Scoring.Model;
using Xunit;

namespace Detector.Scoring.Tests.Engine;

/// <summary>Severity thresholds are calibrated risks that must rise strictly from low to critical, inside (0,1).</summary>
public sealed class SeverityThresholdTests
{
    [Theory]
    [InlineData(0.9, 0.99, 0.999, 0.9999)]
    [InlineData(0.01, 0.02, 0.03, 0.04)]
    public void Strictly_rising_thresholds_inside_zero_and_one_are_accepted(double low, double medium, double high, double critical)
    {
        var options = Options(low, medium, high, critical);

        options.Validate();
        var engine = new DetectionEngine(options, DetectorModel.Empty, new InMemoryBindingTable(options));

        Assert.Equal(Severity.Medium, engine.Thresholds.Classify(medium));
        Assert.Equal(Severity.Low, engine.Thresholds.Classify((low + medium) / 2));
        Assert.Equal(Severity.None, engine.Thresholds.Classify(low / 2));
        Assert.Equal(Severity.Critical, engine.Thresholds.Classify(1));
    }

    [Fact]
    public void A_rule_floor_keeps_the_rules_severity_and_orders_the_sessions_it_lifts_by_their_learned_risk()
    {
        var thresholds = new SeverityThresholds(0.9, 0.99, 0.999, 0.9999);
        double[] learned = [0, 0.5, 0.95, 0.989];
        var lifted = learned.Select(r => thresholds.Floor(r, Severity.Medium)).ToArray();

        Assert.Equal(0.99, lifted[0]); // the rule alone sits at its threshold
        Assert.All(lifted, r => Assert.Equal(Severity.Medium, thresholds.Classify(r)));
        Assert.All(lifted, r => Assert.True(r < (0.99 + 0.999) / 2));
        Assert.Equal(lifted.Order(), lifted);
        Assert.Equal(lifted.Length, lifted.Distinct().Count());
        // Learned risk above the floor is left alone, and so is a critical floor's top.
        Assert.Equal(0.9995, thresholds.Floor(0.9995, Severity.Medium));
        Assert.InRange(thresholds.Floor(0.5, Severity.Critical), 0.9999, 1);
    }

    [Theory]
    [InlineData(0.99, 0.99, 0.999, 0.9999)]
    [InlineData(0.99, 0.98, 0.999, 0.9999)]
    [InlineData(0.9, 0.99, 0.9999, 0.999)]
    [InlineData(0.9, 0.99, 0.999, 1.0)]
    [InlineData(0.0, 0.99, 0.999, 0.9999)]
    [InlineData(-0.1, 0.99, 0.999, 0.9999)]
    public void Thresholds_that_do_not_rise_strictly_inside_zero_and_one_are_refused(double low, double medium, double high, double critical)
    {
        var options = Options(low, medium, high, critical);

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("rise strictly", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new DetectionEngine(options, DetectorModel.Empty, new InMemoryBindingTable(1)));
    }

    [Fact]
    public void A_missing_severity_is_refused()
    {
        var options = new EngineOptions();
        options.SeverityThresholds.Remove(Severity.High);

        Assert.Throws<ArgumentException>(options.Validate);
    }

    private static EngineOptions Options(double low, double medium, double high, double critical) => new()
    {
        SeverityThresholds = new Dictionary<Severity, double>
        {
            [Severity.Low] = low,
            [Severity.Medium] = medium,
            [Severity.High] = high,
            [Severity.Critical] = critical,
        },
    };
}
