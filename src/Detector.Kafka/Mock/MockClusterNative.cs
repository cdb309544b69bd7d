using System.Runtime.InteropServices;

namespace Detector.Kafka.Mock;

/// <summary>
/// librdkafka's C API for its built-in mock cluster (rdkafka_mock.h), bound to the same native library
/// Confluent.Kafka loads (the librdkafka.redist package's runtimes/linux-x64/native/librdkafka.so).
/// </summary>
internal static partial class MockClusterNative
{
    private const string Library = "librdkafka";

    public const int ProducerType = 0;

    [LibraryImport(Library)]
    public static partial nint rd_kafka_conf_new();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_conf_set(nint conf, string name, string value, [Out] byte[] errstr, nuint errstrSize);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_new(int type, nint conf, [Out] byte[] errstr, nuint errstrSize);

    [LibraryImport(Library)]
    public static partial void rd_kafka_destroy(nint rk);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_handle_mock_cluster(nint rk);

    [LibraryImport(Library)]
    public static partial nint rd_kafka_mock_cluster_bootstraps(nint cluster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rd_kafka_mock_topic_create(nint cluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(Library)]
    public static partial void rd_kafka_mock_group_initial_rebalance_delay_ms(nint cluster, int delayMs);

    [LibraryImport(Library)]
    public static partial int rd_kafka_mock_broker_set_down(nint cluster, int brokerId);

    [LibraryImport(Library)]
    public static partial int rd_kafka_mock_broker_set_up(nint cluster, int brokerId);

    [LibraryImport(Library)]
    public static partial void rd_kafka_mock_push_request_errors_array(nint cluster, short apiKey, nuint count, int[] errors);

    [LibraryImport(Library)]
    public static partial void rd_kafka_mock_clear_request_errors(nint cluster, short apiKey);
}
