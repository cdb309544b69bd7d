using System.Security.Cryptography;
using Detector.Hosting.Configuration;
using Detector.Hosting.Worker;
using Detector.Kafka.Tests.Support;
using Detector.Pipeline.Enforcement.Signing;
using Detector.TestSupport;
using Xunit;

namespace Detector.Kafka.Tests.Compose;

/// <summary>compose/: validated with docker-compose (no engine runs here) and its detector configuration loaded as the worker would.</summary>
public sealed class ComposeFileTests
{
    private static string ComposeDirectory => Repository.Path("compose");

    [Fact]
    public void Docker_compose_accepts_the_file_with_kafka_the_detector_the_broker_consumer_and_a_revocation_endpoint()
    {
        string file = Path.GetFullPath(Path.Combine(ComposeDirectory, "docker-compose.yml"));
        using var compose = ChildProcess.Start("docker-compose", ["-f", file, "config", "--services"],
            environment: new Dictionary<string, string> { ["AGENTDRIFT_SIGNING_SECRET"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        Assert.True(compose.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.True(compose.ExitCode == 0, compose.Output);
        Assert.Equal(["broker", "detector", "kafka", "kafka-init", "revocation"], compose.Lines.Where(l => l.Length > 0).Order());
    }

    [Fact]
    public void Without_a_signing_secret_docker_compose_refuses_to_start()
    {
        using var compose = ChildProcess.Start("docker-compose", ["-f", Path.GetFullPath(Path.Combine(ComposeDirectory, "docker-compose.yml")), "config"],
            environment: new Dictionary<string, string> { ["AGENTDRIFT_SIGNING_SECRET"] = "" });
        Assert.True(compose.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.NotEqual(0, compose.ExitCode);
        Assert.Contains("AGENTDRIFT_SIGNING_SECRET", compose.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_configuration_is_valid_for_the_worker_and_the_broker_consumer()
    {
        string secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var configuration = SettingsLoader.BuildConfiguration(Path.Combine(ComposeDirectory, "detector.json"), [$"Signing:Keys:compose-1:Secret={secret}"]);
        var settings = WorkerSettings.Bind(configuration);

        settings.ValidateForWorker();
        settings.ValidateForBroker();
        Assert.Equal("HS256", KeyRing.Load(settings.Signing).Active.Algorithm);
        Assert.Single(settings.Detector.Quarantine.MonitorOnly.Roles);
    }
}
