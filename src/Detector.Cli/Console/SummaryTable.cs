using System.Globalization;
using Detector.Domain.Ingest;
using Detector.Domain.Outputs;
using Detector.Pipeline.Summary;
using Spectre.Console;

namespace Detector.Cli.Console;

/// <summary>Prints a run summary: records, rejects by reason, state, alerts by kind and severity, signals, speed.</summary>
internal static class SummaryTable
{
    public static void Print(RunSummary s, string title)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).Title(title).AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("records read", s.Records.ToString("#,0", c));
        table.AddRow("events applied", s.Applied.ToString("#,0", c));
        table.AddRow("duplicates dropped", s.Duplicates.ToString("#,0", c));
        table.AddRow("late events (dead-lettered)", s.Late.ToString("#,0", c));
        table.AddRow("future events (dead-lettered)", s.Future.ToString("#,0", c));
        foreach (var reason in RejectReasons.All)
        {
            if (reason is RejectReason.Duplicate or RejectReason.LateEvent or RejectReason.FutureTime || s.Rejected(reason) == 0)
                continue;
            table.AddRow($"rejected: {reason.Code()}", s.Rejected(reason).ToString("#,0", c));
        }
        if (s.BlankLines > 0)
            table.AddRow("blank lines skipped", s.BlankLines.ToString("#,0", c));
        table.AddRow("sessions", s.Sessions.ToString("#,0", c));
        table.AddRow("agents tracked", s.State.Agents.ToString("#,0", c));
        table.AddRow("sessions closed after going idle", s.State.SessionsRetired.ToString("#,0", c));
        table.AddRow("evicted agents", s.State.AgentsEvicted.ToString("#,0", c));
        table.AddRow("evicted sessions", s.State.SessionsEvicted.ToString("#,0", c));
        table.AddRow("evicted bindings", s.State.CredentialsEvicted.ToString("#,0", c));
        table.AddRow("evicted event ids", s.EventIdsEvicted.ToString("#,0", c));
        table.AddRow("evicted cooldowns", s.State.CooldownsEvicted.ToString("#,0", c));
        table.AddRow("alerts", s.Alerts.ToString("#,0", c));
        foreach (var ((kind, severity), count) in s.AlertsByKind)
            table.AddRow($"  {kind} / {severity.WireName()}", count.ToString("#,0", c));
        table.AddRow("quarantine signals", s.Signals.ToString("#,0", c));
        foreach (var action in Enum.GetValues<QuarantineAction>())
        {
            if (s.SignalsFor(action) > 0)
                table.AddRow($"  {action.WireName()}", s.SignalsFor(action).ToString("#,0", c));
        }
        if (s.ModelVersion.Length > 0)
            table.AddRow("model", s.ModelVersion);
        table.AddRow("elapsed", s.Elapsed.TotalSeconds.ToString("0.00 s", c));
        table.AddRow("events/s", s.EventsPerSecond.ToString("#,0", c));
        AnsiConsole.Write(table);
    }
}
