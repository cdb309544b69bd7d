using Detector.Domain.Events;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// The established habits of a small scripted fleet, one routine per role, and the schedules they run
/// on. Histories cover days 0 to 3 (Monday to Thursday); test events follow on day 4. Every habit is
/// seeded, so a scenario is the same stream on every run.
/// </summary>
internal static class Habits
{
    public const int HistoryDays = 4;

    /// <summary>
    /// Agents per office role: eight agents' last history day holds more than the 50 benign sessions the
    /// trainer needs to calibrate risk (it calibrates on the most recent 30% of the window).
    /// </summary>
    public const int RoleSize = 8;

    /// <summary>The day test events happen on: the day after the history.</summary>
    public const int TestDay = HistoryDays;

    public const string PartnerInbox = "https://files.partner.example/inbox";
    public const string ShareDrive = "https://share.corp.example/reports";
    public const string PasteSite = "https://paste.exfil.example/upload";

    public static string Agent(string role, int n) => $"spiffe://corp.example/agent/{role}-{n}";

    public static string SessionId(string agent, int day, int hour, string suffix = "") =>
        $"{agent[(agent.LastIndexOf('/') + 1)..]}-d{day}-h{hour:00}{suffix}";

    /// <summary>One session an hour from 09:00 to 16:00 on each of the days, starting in the first half hour, steps 20 s apart.</summary>
    public static void OfficeHours(EventScript script, string agent, Random random, Func<Random, IEnumerable<ScriptedStep>> routine, int fromDay = 0, int days = HistoryDays)
    {
        for (int day = fromDay; day < fromDay + days; day++)
            Hours(script, agent, random, routine, day, 9, 17);
    }

    /// <summary>One session every hour of every day, starting in the first ten minutes, steps 30 s apart.</summary>
    public static void AroundTheClock(EventScript script, string agent, Random random, Func<Random, IEnumerable<ScriptedStep>> routine, int fromDay = 0, int days = HistoryDays)
    {
        for (int day = fromDay; day < fromDay + days; day++)
            Hours(script, agent, random, routine, day, 0, 24, TimeSpan.FromSeconds(30));
    }

    /// <summary>One session in each hour from <paramref name="fromHour"/> up to (not including) <paramref name="toHour"/> of a day.</summary>
    public static void Hours(EventScript script, string agent, Random random, Func<Random, IEnumerable<ScriptedStep>> routine, int day, int fromHour, int toHour, TimeSpan? gap = null)
    {
        for (int hour = fromHour; hour < toHour; hour++)
        {
            var start = EventScript.At(day, hour, gap is null ? random.Next(0, 30) : random.Next(0, 10));
            script.Session(agent, SessionId(agent, day, hour), start, gap ?? TimeSpan.FromSeconds(20), routine(random));
        }
    }

    /// <summary>Ticket triage: search, read, update, comment; always in that order, in the agent's tenant.</summary>
    public static IEnumerable<ScriptedStep> Triage(Random random) =>
    [
        ScriptedStep.Read("search_tickets") with { Resource = "tickets/queue" },
        ScriptedStep.Read("read_ticket") with { Resource = "tickets/123" },
        ScriptedStep.Write("update_ticket") with { Resource = "tickets/123" },
        ScriptedStep.Write("post_comment") with { Resource = "tickets/123" },
    ];

    /// <summary>
    /// Ticket triage as people vary it: usually search, read, update, comment, but now and then reading a
    /// second ticket, skipping the update, commenting twice, or (one session in ten) taking the steps in
    /// another order, so the order of steps has a benign spread the model is calibrated on.
    /// </summary>
    public static IEnumerable<ScriptedStep> VariedTriage(Random random)
    {
        var steps = Triage(random).ToList();
        switch (random.Next(0, 10))
        {
            case 0:
                steps.Insert(2, ScriptedStep.Read("read_ticket") with { Resource = "tickets/124" });
                break;
            case 1:
                steps.RemoveAt(2);
                break;
            case 2:
                steps.Add(ScriptedStep.Write("post_comment") with { Resource = "tickets/123" });
                break;
            case 3:
                return steps.OrderBy(_ => random.Next()).ToList();
        }
        return steps;
    }

    /// <summary>A record sync running around the clock: list changes, fetch four to six records, write them back.</summary>
    public static IEnumerable<ScriptedStep> Sync(Random random) =>
    [
        ScriptedStep.Read("list_changes"),
        .. Enumerable.Repeat(ScriptedStep.Read("fetch_record"), 3 + random.Next(0, 3)),
        ScriptedStep.Write("upsert_record"),
    ];

    /// <summary>
    /// Research reports: search, read a source (a site never visited before: reads go everywhere), summarise,
    /// and send the report to the one partner inbox it always uses.
    /// </summary>
    public static IEnumerable<ScriptedStep> Report(Random random) =>
    [
        ScriptedStep.Read("search_sources"),
        ScriptedStep.Read("read_source") with { Destination = $"https://site{random.Next(0, 1_000_000)}.example/article" },
        new ScriptedStep("summarize", ToolAction.Execute),
        ScriptedStep.Transfer("send_report", PartnerInbox, 20_000 + random.Next(0, 5_000)),
    ];

    /// <summary>
    /// Analytics: an internal query and a chart, with either one confidential customer read or an export
    /// to the share drive, never both: this analyst does not send data out after reading customers.
    /// </summary>
    public static IEnumerable<ScriptedStep> Analyst(Random random)
    {
        bool export = random.Next(0, 2) == 0;
        yield return ScriptedStep.Read("query_warehouse");
        if (!export)
            yield return ScriptedStep.Read("read_customer", Sensitivity.Confidential) with { Resource = "customers/42" };
        yield return new ScriptedStep("build_chart", ToolAction.Execute);
        if (export)
            yield return ScriptedStep.Transfer("export_report", ShareDrive, 40_000 + random.Next(0, 20_000));
    }

    /// <summary>Identity administration: list users, a run of three to five role grants, an audit note.</summary>
    public static IEnumerable<ScriptedStep> IdentityAdmin(Random random) =>
    [
        ScriptedStep.Read("list_users"),
        .. Enumerable.Repeat(ScriptedStep.Privilege("grant_role"), 3 + random.Next(0, 3)),
        ScriptedStep.Write("write_audit_note"),
    ];
}
