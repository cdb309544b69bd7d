using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A credential bound to another agent: billing-2 uses the credential billing-1's session opened with
/// minutes before. Its twin uses a credential of its own.
/// </summary>
public sealed class ForeignCredentialTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.CredentialMisuse;

    protected override double Bound => 0.01;

    protected override IDetector CreateDetector() => new CredentialDetector();

    internal override DetectorScenario Anomalous() => Scenario(borrow: true);

    internal override DetectorScenario Normal() => Scenario(borrow: false);

    private static DetectorScenario Scenario(bool borrow) => DetectorScenario.Of(CredentialFleet.History, (script, _) =>
    {
        string owner = Habits.Agent("billing", 1), other = Habits.Agent("billing", 2);
        CredentialFleet.Session(script, owner, Habits.TestDay, 10, 0, "cred-owner");
        CredentialFleet.Session(script, other, Habits.TestDay, 10, 5, borrow ? "cred-owner" : "cred-other");
    });
}
