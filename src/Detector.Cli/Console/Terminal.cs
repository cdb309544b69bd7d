using Spectre.Console;

namespace Detector.Cli.Console;

/// <summary>Where human output goes: stdout, or stderr when a data output is written to stdout ("-").</summary>
internal static class Terminal
{
    public static void UseStandardErrorIf(bool dataOnStdout)
    {
        if (dataOnStdout)
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
    }

    public static void Error(string message) => AnsiConsole.MarkupLine("[red]error:[/] {0}", Markup.Escape(message));
}
