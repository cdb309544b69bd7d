using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Xunit;

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

/// <summary>How much was gathered before the transfer counts: the same new destination after twelve sensitive reads weighs more than after one.</summary>
public sealed class GatheredBeforeTransferTests
{
    [Fact]
    public void More_sensitive_reads_than_the_agents_transfers_usually_follow_make_the_transfer_stronger_evidence()
    {
        var gathered = SensitiveExfiltrationTests.Scenario(reads: 12, exportTo: Habits.PasteSite);
        var single = SensitiveExfiltrationTests.Scenario(reads: 1, exportTo: Habits.PasteSite);

        double pGathered = ShadowReplay.Run(gathered, new EscalationDetector()).Strongest(EvidenceKind.SensitiveExfiltration, gathered.Subject);
        double pSingle = ShadowReplay.Run(single, new EscalationDetector()).Strongest(EvidenceKind.SensitiveExfiltration, single.Subject);

        Assert.True(pGathered < pSingle / 10, $"after 12 reads p {pGathered:G3}, after 1 read p {pSingle:G3}");
    }
}
