using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A burst of sensitive reads: an analyst that reads one confidential customer record a session reads
/// twelve in a row (gathering before an exfiltration, caught before the transfer). Its twin reads its one.
/// </summary>
public sealed class SensitiveReadBurstTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.SensitiveReadBurst;

    protected override double Bound => 0.01;

    protected override IDetector CreateDetector() => new SessionShapeDetector();

    internal override DetectorScenario Anomalous() => SensitiveExfiltrationTests.Scenario(reads: 12, exportTo: Habits.PasteSite);

    internal override DetectorScenario Normal() => SensitiveExfiltrationTests.Scenario(reads: 1, exportTo: Habits.ShareDrive);
}
