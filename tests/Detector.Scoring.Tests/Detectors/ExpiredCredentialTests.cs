using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>An expired credential: a billing session runs on a credential that expired ten minutes before. Its twin's is valid for the hour.</summary>
public sealed class ExpiredCredentialTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.CredentialMisuse;

    protected override double Bound => 0.01;

    protected override IDetector CreateDetector() => new CredentialDetector();

    internal override DetectorScenario Anomalous() => Scenario(TimeSpan.FromMinutes(-10));

    internal override DetectorScenario Normal() => Scenario(TimeSpan.FromHours(1));

    private static DetectorScenario Scenario(TimeSpan expiresIn) => DetectorScenario.Of(CredentialFleet.History, (script, _) =>
    {
        string agent = Habits.Agent("billing", 1);
        CredentialFleet.Session(script, agent, Habits.TestDay, 9, 5);
        CredentialFleet.Session(script, agent, Habits.TestDay, 10, 5, "cred-today", expiresIn);
    });
}
