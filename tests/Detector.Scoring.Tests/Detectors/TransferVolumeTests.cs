using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A transfer far larger than the agent's transfers with that tool: a publisher posts short chat
/// updates (about 800 bytes) and uploads its reports to the share drive (about 5 MB); posting 5 MB to
/// the chat channel is the anomaly. Its twin uploads the same 5 MB to the share drive, as it always
/// does. Judged against the agent's mixture of both tools, neither size stands out.
/// </summary>
public sealed class TransferVolumeTests : RepeatableScoringContract
{
    private const string Channel = "#reports";
    private const long UploadBytes = 5_000_000;

    protected override EvidenceKind Kind => EvidenceKind.TransferVolume;

    protected override double Bound => 1e-3;

    protected override IDetector CreateDetector() => new EscalationDetector();

    internal override DetectorScenario Anomalous() => Scenario(ScriptedStep.Transfer("post_chat", Channel, UploadBytes));

    internal override DetectorScenario Normal() => Scenario(ScriptedStep.Transfer("upload_file", Habits.ShareDrive, UploadBytes));

    private static DetectorScenario Scenario(ScriptedStep send) => DetectorScenario.Of(History, (script, random) =>
    {
        string agent = Habits.Agent("publisher", 1);
        Habits.Hours(script, agent, random, Publish, Habits.TestDay, 9, 11);
        script.Session(agent, Habits.SessionId(agent, Habits.TestDay, 11), EventScript.At(Habits.TestDay, 11, 5),
            [ScriptedStep.Read("query_warehouse"), send]);
    });

    private static void History(EventScript script, Random random)
    {
        for (int n = 1; n <= Habits.RoleSize; n++)
            Habits.OfficeHours(script, Habits.Agent("publisher", n), random, Publish);
    }

    /// <summary>A query, then either a short chat update or a report upload to the share drive.</summary>
    private static IEnumerable<ScriptedStep> Publish(Random random)
    {
        yield return ScriptedStep.Read("query_warehouse");
        yield return random.Next(0, 2) == 0
            ? ScriptedStep.Transfer("post_chat", Channel, 600 + random.Next(0, 400))
            : ScriptedStep.Transfer("upload_file", Habits.ShareDrive, 4_000_000 + random.Next(0, 2_000_000));
    }
}
