using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>Planners reconciling invoices, each delegating to its worker: the fleet the delegation contracts share.</summary>
internal static class DelegatedWork
{
    /// <summary>Fourteen days of seven planner-worker pairs, every working hour, the worker taking <paramref name="steps"/>.</summary>
    public static void History(EventScript script, Random random, params ScriptedStep[] steps)
    {
        for (int day = 0; day < Habits.HistoryDays; day++)
        {
            for (int hour = 9; hour < 17; hour++)
            {
                for (int n = 1; n <= 7; n++)
                    Delegate(script, n, day, hour, random.Next(0, 30), random.Next(1000, 9999), steps);
            }
        }
    }

    /// <summary>Planner n opens a session with the reconciliation intent; a minute later worker n, delegated by it, takes <paramref name="steps"/>.</summary>
    public static void Delegate(EventScript script, int n, int day, int hour, int minute, int batch, params ScriptedStep[] steps)
    {
        string planner = Habits.Agent("planner", n), worker = Habits.Agent("worker", n);
        string parent = Habits.SessionId(planner, day, hour);
        script.Session(planner, parent, EventScript.At(day, hour, minute),
            [ScriptedStep.Read("plan_work") with { Intent = $"Reconcile invoices for batch {batch}" }]);
        script.Session(worker, Habits.SessionId(worker, day, hour), EventScript.At(day, hour, minute + 1),
            steps.Select(s => s with { ParentAgent = planner, ParentSession = parent }));
    }
}
