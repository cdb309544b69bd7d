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

    private static void History(EventScript script, Random random)
    {
        for (int day = 0; day < Habits.HistoryDays; day++)
        {
            for (int hour = 9; hour < 17; hour++)
            {
                for (int n = 1; n <= 7; n++)
                    Delegate(script, n, day, hour, random.Next(0, 30), ScriptedStep.Write("update_ledger"), batch: random.Next(1000, 9999));
            }
        }
    }

    /// <summary>
    /// Planner n opens a session with the reconciliation intent; a minute later worker n, delegated by it,
    /// reads an invoice, takes <paramref name="step"/>, and updates the ledger (the last step only in history).
    /// </summary>
    private static void Delegate(EventScript script, int n, int day, int hour, int minute, ScriptedStep step, int batch, bool last = false)
    {
        string planner = Habits.Agent("planner", n), worker = Habits.Agent("worker", n);
        string parent = Habits.SessionId(planner, day, hour);
        script.Session(planner, parent, EventScript.At(day, hour, minute),
            [ScriptedStep.Read("plan_work") with { Intent = $"Reconcile invoices for batch {batch}" }]);
        ScriptedStep[] steps = last ? [ScriptedStep.Read("read_invoice"), step] : [ScriptedStep.Read("read_invoice"), step, ScriptedStep.Write("update_ledger")];
        script.Session(worker, Habits.SessionId(worker, day, hour), EventScript.At(day, hour, minute + 1),
            steps.Select(s => s with { ParentAgent = planner, ParentSession = parent }));
    }

    private static DetectorScenario Scenario(ScriptedStep step) => DetectorScenario.Of(History, (script, _) =>
    {
        Delegate(script, 1, Habits.TestDay, 9, 5, ScriptedStep.Write("update_ledger"), batch: 8812);
        Delegate(script, 1, Habits.TestDay, 10, 5, step, batch: 8813, last: true);
    });
}
