using System.Buffers;
using Detector.Domain.Events;
using Detector.Domain.Time;

namespace Detector.Pipeline.Records;

/// <summary>
/// One input record on its way through the stages: its original bytes (rented), its place in the
/// input, and the event parsed from it. Pooled: the pipeline returns it once the shard is done.
/// </summary>
public sealed class PipelineItem
{
    private byte[] _buffer = [];

    public int Length { get; private set; }

    /// <summary>Input order, from 0; outputs are ordered by it.</summary>
    public long Sequence { get; set; }

    public RecordPosition Position { get; set; }

    /// <summary>When the record was produced (its Kafka timestamp); null in replay.</summary>
    public EventTime? ProducedTime { get; set; }

    /// <summary>When the worker took the record from its consumer; null in replay.</summary>
    public EventTime? ConsumedTime { get; set; }

    public ToolEvent Event { get; } = new();

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    public void SetBytes(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length < bytes.Length)
        {
            if (_buffer.Length > 0)
                ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        }
        bytes.CopyTo(_buffer);
        Length = bytes.Length;
    }

    internal void Reset()
    {
        Length = 0;
        ProducedTime = null;
        ConsumedTime = null;
        Event.Clear();
    }
}
