using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;

namespace Detector.Kafka.Mock;

/// <summary>
/// A Kafka-protocol cluster hosted in this process by librdkafka's mock brokers: real TCP listeners
/// on 127.0.0.1, so other clients and other processes can use it. It keeps about 5 MB or 100,000
/// records per partition and never compacts; it has no CreateTopics API (topics are created here).
/// Fault injection (brokers down and up, request errors) drives the resilience tests.
/// </summary>
public sealed class MockCluster : IDisposable
{
    private nint _handle;
    private readonly nint _cluster;

    private MockCluster(nint handle, nint cluster, int brokers)
    {
        _handle = handle;
        _cluster = cluster;
        Brokers = brokers;
        BootstrapServers = Marshal.PtrToStringUTF8(MockClusterNative.rd_kafka_mock_cluster_bootstraps(cluster))
            ?? throw new InvalidOperationException("mock cluster has no bootstrap servers");
    }

    public string BootstrapServers { get; }

    public int Brokers { get; }

    /// <param name="brokers">1 to 3 brokers; ids run from 1.</param>
    public static MockCluster Start(int brokers = 3)
    {
        // Confluent.Kafka resolves and loads the native library on first use; do the same before binding to it.
        Library.Load();
        var error = new byte[512];
        nint conf = MockClusterNative.rd_kafka_conf_new();
        Set(conf, "test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture), error);
        // The hosting handle never produces; keep its own log quiet (the mock brokers log through it).
        Set(conf, "log_level", "0", error);
        nint handle = MockClusterNative.rd_kafka_new(MockClusterNative.ProducerType, conf, error, (nuint)error.Length);
        if (handle == 0)
            throw new InvalidOperationException("mock cluster: " + Text(error));
        nint cluster = MockClusterNative.rd_kafka_handle_mock_cluster(handle);
        if (cluster == 0)
        {
            MockClusterNative.rd_kafka_destroy(handle);
            throw new InvalidOperationException("mock cluster: librdkafka created no mock cluster");
        }
        // Brokers default to a 3 s wait before the first rebalance of a group; the worker needs none.
        MockClusterNative.rd_kafka_mock_group_initial_rebalance_delay_ms(cluster, 0);
        return new MockCluster(handle, cluster, brokers);
    }

    public void CreateTopic(string topic, int partitions, int replicationFactor = 1)
    {
        int err = MockClusterNative.rd_kafka_mock_topic_create(_cluster, topic, partitions, Math.Min(replicationFactor, Brokers));
        if (err != 0 && (ErrorCode)err != ErrorCode.TopicAlreadyExists)
            throw new InvalidOperationException($"mock cluster: creating topic {topic} failed: {(ErrorCode)err}");
    }

    /// <summary>Disconnects a broker (-1: all) and refuses new connections until <see cref="SetBrokerUp"/>.</summary>
    public void SetBrokerDown(int brokerId = -1) => Check(MockClusterNative.rd_kafka_mock_broker_set_down(_cluster, brokerId), "broker down");

    public void SetBrokerUp(int brokerId = -1) => Check(MockClusterNative.rd_kafka_mock_broker_set_up(_cluster, brokerId), "broker up");

    /// <summary>The next requests of type <paramref name="api"/> fail with these errors, in order, one each.</summary>
    public void PushRequestErrors(KafkaApi api, params ErrorCode[] errors)
    {
        var codes = Array.ConvertAll(errors, e => (int)e);
        MockClusterNative.rd_kafka_mock_push_request_errors_array(_cluster, (short)api, (nuint)codes.Length, codes);
    }

    public void ClearRequestErrors(KafkaApi api) => MockClusterNative.rd_kafka_mock_clear_request_errors(_cluster, (short)api);

    public void Dispose()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle != 0)
            MockClusterNative.rd_kafka_destroy(handle);
    }

    private static void Set(nint conf, string name, string value, byte[] error)
    {
        if (MockClusterNative.rd_kafka_conf_set(conf, name, value, error, (nuint)error.Length) != 0)
            throw new InvalidOperationException($"mock cluster: {name}={value}: {Text(error)}");
    }

    private static void Check(int err, string what)
    {
        if (err != 0)
            throw new InvalidOperationException($"mock cluster: {what} failed: {(ErrorCode)err}");
    }

    private static string Text(byte[] error) => Encoding.UTF8.GetString(error, 0, Math.Max(0, Array.IndexOf(error, (byte)0)));
}
