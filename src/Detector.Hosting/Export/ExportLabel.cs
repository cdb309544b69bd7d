using Detector.Web.Feedback;
using VerdictKind = Detector.Web.Feedback.Verdict;

namespace Detector.Hosting.Export;

/// <summary>
/// A session's training label and where it came from: an analyst's verdict, else the simulator's
/// ground truth, else none. <see cref="Scenario"/> is the simulator's scenario whenever it labelled
/// the session, also when an analyst's verdict overrides it.
/// </summary>
public sealed record ExportLabel(string Label, string? Source, VerdictRecord? Verdict, string? Scenario)
{
    public const string Malicious = "malicious";
    public const string Benign = "benign";
    public const string Unlabelled = "unlabelled";

    public const string FromAnalyst = "analyst";
    public const string FromSimulator = "simulator";

    /// <param name="verdicts">The latest verdict of each of the session's judged alerts.</param>
    public static ExportLabel Decide(IReadOnlyCollection<VerdictRecord> verdicts, SimulatorLabel? simulated)
    {
        // One confirmed alert makes the session an attack, whatever was said about its other alerts; among
        // verdicts of the same kind the newest speaks for the session.
        var verdict = verdicts.Where(v => v.Verdict == VerdictKind.Confirmed).MaxBy(v => v.Id)
            ?? verdicts.Where(v => v.Verdict == VerdictKind.FalsePositive).MaxBy(v => v.Id);
        if (verdict is not null)
            return new ExportLabel(verdict.Verdict == VerdictKind.Confirmed ? Malicious : Benign, FromAnalyst, verdict, simulated?.Scenario);
        if (simulated is not null)
            return new ExportLabel(simulated.Malicious ? Malicious : Benign, FromSimulator, null, simulated.Scenario);
        return new ExportLabel(Unlabelled, null, null, null);
    }
}
