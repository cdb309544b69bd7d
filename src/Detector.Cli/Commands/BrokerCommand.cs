using System.CommandLine;
using Detector.Hosting.Configuration;
using Detector.Hosting.Worker;
using Microsoft.Extensions.Hosting;

namespace Detector.Cli.Commands;

/// <summary>`detector broker`: the reference credential-broker consumer of quarantine signals.</summary>
internal static class BrokerCommand
{
    public static Command Create()
    {
        var webhook = new Option<string?>("--webhook") { Description = "The revocation endpoint to call (setting Broker:Webhook:Url)." };
        var command = new Command("broker", "Consume quarantine signals, verify signature, expiry and replay, and call the revocation webhook.")
        {
            webhook,
        }.WithSettings();
        command.SetAction(async (result, ct) =>
        {
            CollectorMode.ForLatency();
            string[] overrides = result.GetValue(CommonOptions.Set) ?? [];
            if (result.GetValue(webhook) is { } url)
                overrides = [.. overrides, "Broker:Webhook:Url=" + url];
            using var host = ServiceHost.Broker(SettingsLoader.BuildConfiguration(result.GetValue(CommonOptions.Config), overrides));
            await host.RunAsync(ct);
            return Environment.ExitCode;
        });
        return command;
    }
}
