using System.CommandLine;
using Detector.Hosting.Configuration;

namespace Detector.Cli.Commands;

/// <summary>Options every verb that reads settings accepts: --config FILE and --set Key=Value.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Config = new("--config")
    {
        Description = "A JSON settings file (same shape as appsettings.json).",
    };

    public static readonly Option<string[]> Set = new("--set")
    {
        Description = "Override one setting, e.g. --set Pipeline:AllowedLateness=00:10:00 (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Where `run` and `demo` serve the dashboard, /api and /metrics (setting Urls).</summary>
    public static Option<string?> Urls() => new("--urls")
    {
        Description = "Kestrel URLs for the dashboard, /api and /metrics (default http://127.0.0.1:9400; beyond loopback, set Web:Token). Empty turns them off.",
    };

    public static Command WithSettings(this Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Set);
        return command;
    }

    public static DetectorSettings LoadSettings(ParseResult result) =>
        SettingsLoader.Load(result.GetValue(Config), result.GetValue(Set) ?? []);
}
