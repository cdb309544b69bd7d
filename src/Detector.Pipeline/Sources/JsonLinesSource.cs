using Detector.Pipeline.Records;

namespace Detector.Pipeline.Sources;

/// <summary>
/// Reads JSONL (one record per '\n'-terminated line, '\r\n' accepted) from a stream. Blank lines are
/// skipped and counted. A line longer than the record limit keeps its first limit+1 bytes, so the
/// parser rejects it as oversize without this reader holding an unbounded line in memory.
/// </summary>
public sealed class JsonLinesSource : IRecordSource, IDisposable
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly int _maxKeep;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _line;

    public JsonLinesSource(Stream stream, string name, int maxRecordBytes, bool ownsStream = true, int bufferBytes = 1 << 20)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        Name = name;
        _maxKeep = maxRecordBytes + 1;
        _buffer = new byte[Math.Max(bufferBytes, _maxKeep + 1)];
    }

    public string Name { get; }

    public long BlankLines { get; private set; }

    /// <summary>Bytes read from the stream so far (for progress; read from any thread).</summary>
    public long BytesRead => Volatile.Read(ref _bytesRead);

    /// <summary>The input's length when known (a file), else null (stdin).</summary>
    public long? Length => _stream.CanSeek ? _stream.Length : null;

    private long _bytesRead;

    public static JsonLinesSource Open(string path, int maxRecordBytes) => path == "-"
        ? new JsonLinesSource(Console.OpenStandardInput(), "stdin", maxRecordBytes)
        : new JsonLinesSource(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), path, maxRecordBytes);

    public async ValueTask<bool> ReadAsync(PipelineItem item, CancellationToken cancellationToken)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _line++;
                if (TryTake(item, _buffer.AsSpan(_start, newline)))
                {
                    _start += newline + 1;
                    return true;
                }
                _start += newline + 1;
                continue;
            }
            if (_eof)
            {
                if (_start == _end)
                    return false;
                _line++;
                bool took = TryTake(item, _buffer.AsSpan(_start, _end - _start));
                _start = _end;
                if (took)
                    return true;
                continue;
            }
            if (_end - _start >= _maxKeep)
            {
                // Over-long line: keep its head, discard the rest up to the newline.
                _line++;
                TryTake(item, _buffer.AsSpan(_start, _maxKeep));
                await DiscardRestOfLineAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public string Describe(RecordPosition position) => $"{Name}:{position.Offset}";

    private bool TryTake(PipelineItem item, ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == '\r')
            line = line[..^1];
        // An over-long line already whole in the buffer keeps only its head, like one longer than the buffer.
        if (line.Length > _maxKeep)
            line = line[.._maxKeep];
        if (line.Trim(" \t"u8).IsEmpty)
        {
            BlankLines++;
            return false;
        }
        item.SetBytes(line);
        item.Position = new RecordPosition(0, _line);
        return true;
    }

    private async ValueTask DiscardRestOfLineAsync(CancellationToken cancellationToken)
    {
        _start = _end;
        while (true)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                return;
            }
            _start = _end;
            if (_eof)
                return;
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        int n = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (n == 0)
            _eof = true;
        _end += n;
        Interlocked.Add(ref _bytesRead, n);
    }

    public void Dispose()
    {
        if (_ownsStream)
            _stream.Dispose();
    }
}
