using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A stale credential: the credential of a 09:00 session turns up again at 13:00, long after its
/// session went quiet (a replayed credential), still within its stated validity. Its twin's 13:00
/// session has a fresh credential.
/// </summary>
public sealed class StaleCredentialTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.CredentialMisuse;

    protected override double Bound => 0.01;

    protected override IDetector CreateDetector() => new CredentialDetector();

    internal override DetectorScenario Anomalous() => Scenario(replay: true);

    internal override DetectorScenario Normal() => Scenario(replay: false);

    private static DetectorScenario Scenario(bool replay) => DetectorScenario.Of(CredentialFleet.History, (script, _) =>
    {
        string agent = Habits.Agent("billing", 1);
        CredentialFleet.Session(script, agent, Habits.TestDay, 9, 0, "cred-morning", TimeSpan.FromHours(12));
        CredentialFleet.Session(script, agent, Habits.TestDay, 13, 0, replay ? "cred-morning" : "cred-afternoon", TimeSpan.FromHours(8));
    });
}
