using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// Sensitive reads, then a transfer to a destination the agent never used: the analyst reads twelve
/// customer records and exports to a paste site. Its twin reads its one record and exports to the share
/// drive it always uses.
/// </summary>
public sealed class SensitiveExfiltrationTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.SensitiveExfiltration;

    protected override double Bound => 0.01;

    protected override IDetector CreateDetector() => new EscalationDetector();

    internal override DetectorScenario Anomalous() => Scenario(reads: 12, exportTo: Habits.PasteSite);

    internal override DetectorScenario Normal() => Scenario(reads: 1, exportTo: Habits.ShareDrive);

    internal static DetectorScenario Scenario(int reads, string exportTo) => DetectorScenario.Of(AnalystFleet.History, (script, random) =>
    {
        AnalystFleet.Morning(script, random);
        AnalystFleet.Session(script, 11, reads, exportTo, 48_000);
    });
}
