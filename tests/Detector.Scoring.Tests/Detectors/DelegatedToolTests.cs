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

    private static void History(EventScript script, Random random)
    {
        for (int day = 0; day < Habits.HistoryDays; day++)
        {
            for (int hour = 9; hour < 17; hour++)
            {
                for (int n = 1; n <= 7; n++)
                    Delegate(script, n, day, hour, random.Next(0, 30), ScriptedStep.Read("read_invoice"), batch: random.Next(1000, 9999));
            }
        }
    }

    /// <summary>Planner n opens a session with the reconciliation intent; worker n, delegated by it, takes <paramref name="step"/> and updates the ledger.</summary>
    private static void Delegate(EventScript script, int n, int day, int hour, int minute, ScriptedStep step, int batch)
    {
        string planner = Habits.Agent("planner", n), worker = Habits.Agent("worker", n);
        string parent = Habits.SessionId(planner, day, hour);
        script.Session(planner, parent, EventScript.At(day, hour, minute),
            [ScriptedStep.Read("plan_work") with { Intent = $"Reconcile invoices for batch {batch}" }]);
        ScriptedStep[] steps = [step, ScriptedStep.Write("update_ledger")];
        script.Session(worker, Habits.SessionId(worker, day, hour), EventScript.At(day, hour, minute + 1),
            steps.Select(s => s with { ParentAgent = planner, ParentSession = parent }));
    }

    private static DetectorScenario Scenario(ScriptedStep step) => DetectorScenario.Of(History, (script, _) =>
        Delegate(script, 1, Habits.TestDay, 10, 5, step, batch: 8813));
}
