using System.Text.Json;
using Detector.Domain.Wire;

namespace Detector.Pipeline.Sinks;

/// <summary>Appends JSON objects as '\n'-terminated lines to a stream, through one reused Utf8JsonWriter.</summary>
public sealed class JsonLinesWriter : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    public JsonLinesWriter(Stream stream)
    {
        _stream = stream;
        _writer = new Utf8JsonWriter(stream, ContractJson.WriterOptions);
    }

    public static JsonLinesWriter Create(string path) => path == "-"
        ? new JsonLinesWriter(new BufferedStream(Console.OpenStandardOutput(), 1 << 16))
        : new JsonLinesWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16));

    public long Lines { get; private set; }

    public void WriteLine<T>(Action<Utf8JsonWriter, T> write, T value)
    {
        write(_writer, value);
        _writer.Flush();
        _stream.WriteByte((byte)'\n');
        _writer.Reset();
        Lines++;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken) => await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
