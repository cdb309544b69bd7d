using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A delegated transfer outside the parent's intent: planners reconciling invoices delegate to workers
/// that read invoices and update the ledger; under the same intent a worker now wires funds. Its twin
/// takes a step consistent with the intent (a ledger update), which scores nothing.
/// </summary>
public sealed class DelegationTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.DelegationOutOfIntent;

    protected override double Bound => 0.01;

    protected override IDetector CreateDetector() => new DelegationDetector();

    internal override DetectorScenario Anomalous() => Scenario(ScriptedStep.Transfer("wire_funds", "DE44500105175407324931", 950_000));

    internal override DetectorScenario Normal() => Scenario(ScriptedStep.Write("update_ledger"));

    private static void History(EventScript script, Random random) =>
        DelegatedWork.History(script, random, ScriptedStep.Read("read_invoice"), ScriptedStep.Write("update_ledger"), ScriptedStep.Write("update_ledger"));

    private static DetectorScenario Scenario(ScriptedStep step) => DetectorScenario.Of(History, (script, _) =>
    {
        DelegatedWork.Delegate(script, 1, Habits.TestDay, 9, 5, 8812, ScriptedStep.Read("read_invoice"), ScriptedStep.Write("update_ledger"), ScriptedStep.Write("update_ledger"));
        DelegatedWork.Delegate(script, 1, Habits.TestDay, 10, 5, 8813, ScriptedStep.Read("read_invoice"), step);
    });
}
