using Detector.Hosting.Configuration;
using Detector.Hosting.Worker;
using Xunit;

namespace Detector.Kafka.Tests.Hosting;

public sealed class WorkerSettingsTests
{
    public static TheoryData<string> InvalidSettings =>
    [
        "Kafka:ScoringThreads=0",
        "Kafka:Topics:Alerts=agent.tool-invocations",
        "Kafka:Checkpoint:Interval=00:00:00",
        "Kafka:Provisioning=TopicCommand",
        "Quarantine:CircuitBreaker:MaxQuarantinesPerMinute=-1",
        "Signing:Enabled=true",
    ];

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void The_worker_refuses_to_start_on_invalid_settings(string setting)
    {
        var configuration = SettingsLoader.BuildConfiguration(null, [setting]);
        Assert.ThrowsAny<ArgumentException>(() => ServiceHost.Worker(configuration));
    }

    [Fact]
    public void Settings_come_from_the_environment_and_librdkafka_properties_pass_through()
    {
        Environment.SetEnvironmentVariable("DETECTOR__Kafka__Properties__security.protocol", "sasl_ssl");
        try
        {
            var settings = WorkerSettings.Bind(SettingsLoader.BuildConfiguration(null, ["Kafka:Properties:sasl.mechanism=SCRAM-SHA-512"]));
            Assert.Equal("sasl_ssl", settings.Kafka.Properties["security.protocol"]);
            Assert.Equal("SCRAM-SHA-512", settings.Kafka.Properties["sasl.mechanism"]);
            Assert.Equal("SCRAM-SHA-512", Kafka.Clients.ClientConfigs.GroupConsumer(settings.Kafka, "g", "c").Get("sasl.mechanism"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DETECTOR__Kafka__Properties__security.protocol", null);
        }
    }

    [Fact]
    public void The_worker_checks_event_time_against_the_wall_clock_unless_told_otherwise()
    {
        Assert.Equal(WorkerSettings.DefaultFutureSkew, WorkerSettings.Bind(SettingsLoader.BuildConfiguration(null, [])).Detector.Pipeline.MaxFutureSkew);
        Assert.Equal(TimeSpan.FromMinutes(1), WorkerSettings.Bind(SettingsLoader.BuildConfiguration(null, ["Pipeline:MaxFutureSkew=00:01:00"])).Detector.Pipeline.MaxFutureSkew);
    }
}
