using System.CommandLine;
using Detector.Hosting.Configuration;
using Detector.Hosting.Worker;
using Microsoft.Extensions.Hosting;

namespace Detector.Cli.Commands;

/// <summary>`detector run`: the Kafka worker as a Generic Host service (stops cleanly on SIGTERM).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "A model directory from `detector train` (setting Model); without it baselines start empty and learn online." };
        var urls = CommonOptions.Urls();
        var command = new Command("run", "Consume tool invocations from Kafka; emit alerts, signed quarantine signals and dead letters, at least once; serve the dashboard and /metrics.")
        {
            model, urls,
        }.WithSettings();
        command.SetAction(async (result, ct) =>
        {
            CollectorMode.ForLatency();
            string[] overrides = result.GetValue(CommonOptions.Set) ?? [];
            if (result.GetValue(model) is { } dir)
                overrides = [.. overrides, "Model=" + dir];
            if (result.GetValue(urls) is { } addresses)
                overrides = [.. overrides, "Urls=" + addresses];
            using var host = ServiceHost.Worker(SettingsLoader.BuildConfiguration(result.GetValue(CommonOptions.Config), overrides));
            // The host owns SIGTERM and Ctrl+C: it stops consuming, drains, checkpoints and commits before returning.
            await host.RunAsync(ct);
            return Environment.ExitCode;
        });
        return command;
    }
}
