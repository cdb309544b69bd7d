using Detector.Domain.Events;
using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;
using Xunit;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A never-seen destination on a transfer: a report agent that reads from a different site every session
/// but has always sent its reports to one partner inbox sends one to a paste site. Its twin sends to the
/// inbox. Reads go everywhere, so the same new destination on a read is ordinary for this agent.
/// </summary>
public sealed class NewDestinationTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.NewDestination;

    protected override double Bound => 0.01;

    protected override IDetector CreateDetector() => new NoveltyDetector();

    internal override DetectorScenario Anomalous() => Scenario(readFrom: "https://site-today.example/a", sendTo: Habits.PasteSite);

    internal override DetectorScenario Normal() => Scenario(readFrom: "https://site-today.example/a", sendTo: Habits.PartnerInbox);

    [Fact]
    public void The_same_new_destination_on_a_read_weighs_far_less_than_on_a_transfer()
    {
        var transfer = Anomalous();
        var read = Scenario(readFrom: Habits.PasteSite, sendTo: Habits.PartnerInbox);

        double onTransfer = Replay(transfer).Strongest(Kind, transfer.Subject);
        double onRead = Replay(read).Strongest(Kind, read.Subject);

        Assert.True(onTransfer < Bound, $"on a transfer p = {onTransfer:G3}");
        Assert.True(onRead > Significant && onRead > 100 * onTransfer, $"on a read p = {onRead:G3}, on a transfer {onTransfer:G3}");
    }

    internal static void ReportFleet(EventScript script, Random random)
    {
        for (int n = 1; n <= Habits.RoleSize; n++)
            Habits.OfficeHours(script, Habits.Agent("report", n), random, Habits.Report);
    }

    /// <summary>Two usual sessions, then one that reads from <paramref name="readFrom"/> and sends its report to <paramref name="sendTo"/>.</summary>
    private static DetectorScenario Scenario(string readFrom, string sendTo) => DetectorScenario.Of(ReportFleet, (script, random) =>
    {
        string agent = Habits.Agent("report", 1);
        Habits.Hours(script, agent, random, Habits.Report, Habits.TestDay, 9, 11);
        script.Session(agent, Habits.SessionId(agent, Habits.TestDay, 11), EventScript.At(Habits.TestDay, 11, 5),
        [
            ScriptedStep.Read("search_sources"),
            ScriptedStep.Read("read_source") with { Destination = readFrom },
            new ScriptedStep("summarize", ToolAction.Execute),
            ScriptedStep.Transfer("send_report", sendTo, 22_000),
        ]);
    });
}
