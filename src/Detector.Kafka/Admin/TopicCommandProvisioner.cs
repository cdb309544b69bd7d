using System.Diagnostics;
using System.Globalization;

namespace Detector.Kafka.Admin;

/// <summary>
/// Creates topics on a Kafka 0.9 cluster, which has no CreateTopics API, by running its own
/// kafka.admin.TopicCommand against ZooKeeper: one --list, then one --create per missing topic (one
/// JVM each, in parallel). The list comes from ZooKeeper rather than a metadata request, because asking
/// a 0.9 broker with auto-creation on for a topic's metadata creates it (uncompacted). 0.9's
/// TopicCommand has no --if-not-exists: a topic another worker created meanwhile reports "already
/// exists", which is success.
/// </summary>
public sealed class TopicCommandProvisioner(KafkaOptions options) : ITopicProvisioner
{
    public async Task EnsureAsync(IReadOnlyList<TopicSpec> topics, CancellationToken cancellationToken)
    {
        var (_, listed) = await RunAsync(["--list"], cancellationToken).ConfigureAwait(false);
        var existing = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        await Task.WhenAll(topics.Where(t => !existing.Contains(t.Name)).Select(t => CreateAsync(t, cancellationToken))).ConfigureAwait(false);
    }

    private async Task CreateAsync(TopicSpec topic, CancellationToken cancellationToken)
    {
        var args = new List<string>
        {
            "--create", "--topic", topic.Name,
            "--partitions", topic.Partitions.ToString(CultureInfo.InvariantCulture),
            "--replication-factor", options.ReplicationFactor.ToString(CultureInfo.InvariantCulture),
        };
        if (topic.Compacted)
            args.AddRange(["--config", "cleanup.policy=compact"]);
        var (failed, text) = await RunAsync(args, cancellationToken).ConfigureAwait(false);
        if (failed && !text.Contains("already exists", StringComparison.Ordinal))
            throw new InvalidOperationException($"TopicCommand could not create {topic.Name}: {text}");
    }

    /// <summary>Runs TopicCommand; true when it failed (a non-zero exit, or the error line 0.9 prints with exit code 0).</summary>
    private async Task<(bool Failed, string Output)> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var tc = options.TopicCommand;
        var start = new ProcessStartInfo(tc.Java)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "-cp", Path.Combine(tc.KafkaHome, "libs", "*"), "kafka.admin.TopicCommand", "--zookeeper", tc.ZooKeeper }.Concat(arguments))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tc.Java}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        string output = await stdout.ConfigureAwait(false);
        string errors = await stderr.ConfigureAwait(false);
        bool failed = process.ExitCode != 0 || output.Contains("Error while executing topic command", StringComparison.Ordinal);
        return (failed, failed ? output + errors : output);
    }
}
