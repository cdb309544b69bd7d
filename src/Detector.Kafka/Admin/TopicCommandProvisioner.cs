using System.Diagnostics;
using System.Globalization;

namespace Detector.Kafka.Admin;

/// <summary>
/// Creates topics on a Kafka 0.9 cluster, which has no CreateTopics API, by running its own
/// kafka.admin.TopicCommand against ZooKeeper (one JVM per topic, started in parallel).
/// </summary>
public sealed class TopicCommandProvisioner(KafkaOptions options) : ITopicProvisioner
{
    public async Task EnsureAsync(IReadOnlyList<TopicSpec> topics, CancellationToken cancellationToken) =>
        await Task.WhenAll(topics.Select(t => CreateAsync(t, cancellationToken))).ConfigureAwait(false);

    private async Task CreateAsync(TopicSpec topic, CancellationToken cancellationToken)
    {
        var tc = options.TopicCommand;
        var start = new ProcessStartInfo(tc.Java)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[]
        {
            "-cp", Path.Combine(tc.KafkaHome, "libs", "*"), "kafka.admin.TopicCommand",
            "--zookeeper", tc.ZooKeeper, "--create", "--if-not-exists", "--topic", topic.Name,
            "--partitions", topic.Partitions.ToString(CultureInfo.InvariantCulture),
            "--replication-factor", options.ReplicationFactor.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }
        if (topic.Compacted)
        {
            start.ArgumentList.Add("--config");
            start.ArgumentList.Add("cleanup.policy=compact");
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tc.Java}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"TopicCommand for {topic.Name} exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
    }
}
