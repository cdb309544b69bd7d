using System.Globalization;
using Detector.Domain.Outputs;
using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;
using Spectre.Console;

namespace Detector.Cli.Console;

/// <summary>Prints alerts and quarantine signals as they fire (the demo's live view).</summary>
internal sealed class LiveAlertPrinter(Severity minimum) : IOutcomeSink
{
    public ValueTask WriteAsync(Completion completion, CancellationToken cancellationToken)
    {
        foreach (var a in completion.Alerts)
        {
            if (a.Severity < minimum)
                continue;
            string colour = a.Severity switch { Severity.Critical => "red bold", Severity.High => "red", Severity.Medium => "yellow", _ => "grey" };
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[{0}]ALERT {1,-8}[/] {2} [dim]{3}[/] {4} score={5:0.0000}",
                colour, a.Severity.WireName(), Markup.Escape(a.Time.ToString()), Markup.Escape(a.Agent.Value), Markup.Escape(a.Kind), a.Score);
            AnsiConsole.MarkupLine("         {0}", Markup.Escape(a.Explanation));
        }
        foreach (var s in completion.Signals)
        {
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[magenta]SIGNAL {0}[/] {1} session {2} credentials [[{3}]] until {4}",
                Markup.Escape(s.Data.Action.WireName()), Markup.Escape(s.Subject), Markup.Escape(s.Data.Session.Value),
                Markup.Escape(string.Join(", ", s.Data.CredentialIds)), Markup.Escape(s.Data.ExpiresAt.ToString()));
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
