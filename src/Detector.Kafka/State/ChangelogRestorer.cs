using System.Diagnostics;
using Confluent.Kafka;
using Detector.Kafka.Clients;

namespace Detector.Kafka.State;

/// <summary>
/// Reads a partition's share of the state changelog from its start to the end it had when the read
/// began, and selects the last completed checkpoint. One reader (no group, assigned partitions only)
/// reused for every restore; consumer thread only.
/// </summary>
internal sealed class ChangelogRestorer(KafkaOptions options, int changelogPartitions) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly IConsumer<byte[], byte[]> _reader = new ConsumerBuilder<byte[], byte[]>(ClientConfigs.Reader(options, "agentdrift-restore")).Build();

    /// <summary>The last completed checkpoint of <paramref name="partition"/>, or null when it never completed one.</summary>
    public RestoredPartition? Restore(int partition, CancellationToken cancellationToken)
    {
        var tp = new TopicPartition(options.Topics.State, partition % changelogPartitions);
        var marks = _reader.QueryWatermarkOffsets(tp, Timeout);
        if (marks.High.Value <= marks.Low.Value)
            return null;
        var selection = new SnapshotSelection();
        long bytes = 0;
        _reader.Assign(new TopicPartitionOffset(tp, marks.Low));
        try
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ConsumeResult<byte[], byte[]>? record;
                try
                {
                    record = _reader.Consume(TimeSpan.FromMilliseconds(200));
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    // Transient (librdkafka retries the fetch); the deadline bounds how long.
                    record = null;
                }
                if (record is null)
                {
                    if (clock.Elapsed > Timeout)
                        throw new TimeoutException($"restoring partition {partition} from {tp} did not reach offset {marks.High} within {Timeout}");
                    continue;
                }
                if (record.IsPartitionEOF)
                    break;
                bytes += record.Message.Value?.Length ?? 0;
                if (ChangelogCodec.TryRead(record.Message.Key, record.Message.Value, partition, out var kind, out string agent, out long covered, out var payload))
                {
                    if (kind == ChangelogRecordKind.Agent)
                        selection.AddAgent(agent, covered, payload);
                    else
                        selection.AddMarker(covered, payload);
                }
                if (record.Offset.Value >= marks.High.Value - 1)
                    break;
            }
        }
        finally
        {
            _reader.Unassign();
        }
        return selection.MarkerOffset < 0 ? null : new RestoredPartition(selection.MarkerOffset, selection.Marker, selection.Snapshots(), bytes);
    }

    public void Dispose()
    {
        _reader.Close();
        _reader.Dispose();
    }
}
