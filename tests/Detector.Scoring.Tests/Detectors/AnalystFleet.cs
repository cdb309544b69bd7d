using Detector.Domain.Events;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>Analysts (see <see cref="Habits.Analyst"/>) and the sessions the exfiltration and drift cases are built from.</summary>
internal static class AnalystFleet
{
    public static readonly string Agent = Habits.Agent("analyst", 1);

    public static void History(EventScript script, Random random)
    {
        for (int n = 1; n <= Habits.RoleSize; n++)
            Habits.OfficeHours(script, Habits.Agent("analyst", n), random, Habits.Analyst);
    }

    /// <summary>The analyst's two usual morning sessions of the test day.</summary>
    public static void Morning(EventScript script, Random random) => Habits.Hours(script, Agent, random, Habits.Analyst, Habits.TestDay, 9, 11);

    /// <summary>An analyst session at <paramref name="hour"/> on the test day: a query, <paramref name="reads"/> customer reads in a row, a chart, an export.</summary>
    public static void Session(EventScript script, int hour, int reads, string exportTo, long bytes) =>
        script.Session(Agent, Habits.SessionId(Agent, Habits.TestDay, hour), EventScript.At(Habits.TestDay, hour, 5),
        [
            ScriptedStep.Read("query_warehouse"),
            .. Enumerable.Range(0, reads).Select(i => ScriptedStep.Read("read_customer", Sensitivity.Confidential) with { Resource = $"customers/{40 + i}" }),
            new ScriptedStep("build_chart", ToolAction.Execute),
            ScriptedStep.Transfer("export_report", exportTo, bytes),
        ]);
}
