using Detector.Scoring.Detectors;
using Detector.Scoring.Evidence;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A delegated read with a tool sub-agents never use under the parent's intent: workers reconciling
/// invoices read invoices and update the ledger; one now reads the payroll. Reads are the commonest
/// action under that intent, so only the tool gives it away. Its twin reads an invoice.
/// </summary>
public sealed class DelegatedToolTests : RepeatableScoringContract
{
    protected override EvidenceKind Kind => EvidenceKind.DelegationOutOfIntent;

    protected override double Bound => 0.05;

    protected override IDetector CreateDetector() => new DelegationDetector();

    internal override DetectorScenario Anomalous() => Scenario(ScriptedStep.Read("read_payroll"));

    internal override DetectorScenario Normal() => Scenario(ScriptedStep.Read("read_invoice"));

    private static void History(EventScript script, Random random) =>
        DelegatedWork.History(script, random, ScriptedStep.Read("read_invoice"), ScriptedStep.Write("update_ledger"));

    private static DetectorScenario Scenario(ScriptedStep step) => DetectorScenario.Of(History, (script, _) =>
        DelegatedWork.Delegate(script, 1, Habits.TestDay, 10, 5, 8813, step, ScriptedStep.Write("update_ledger")));
}
