using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Detector.Pipeline.Records;
using Detector.Pipeline.Sources;

namespace Detector.Hosting.Export;

/// <summary>Reads one record from a parsed JSON line; false when the line lacks a field the export needs.</summary>
public delegate bool JsonRecordReader<T>(JsonElement root, [MaybeNullWhen(false)] out T record);

/// <summary>
/// One JSONL input of an export. A line that is not JSON, or lacks a field the export needs, is counted
/// with the number of the first such line and skipped: one bad line never ends an export.
/// </summary>
public sealed class ExportInput
{
    /// <summary>History lines carry evidence chains and explanations; longer lines are bad, not held whole.</summary>
    private const int MaxLineBytes = 1 << 20;

    private JsonLinesSource? _source;

    /// <param name="what">What the file holds ("scores", "alerts", "labels"), for the summary and errors.</param>
    public ExportInput(string what, string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{what} file '{path}' does not exist", path);
        What = what;
        Path = path;
        Length = new FileInfo(path).Length;
    }

    public string What { get; }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Bytes read so far (for progress; read from any thread).</summary>
    public long BytesRead => _source?.BytesRead ?? 0;

    public long Records { get; private set; }

    public long BadLines { get; private set; }

    /// <summary>The line number (from 1) of the first bad line, if any.</summary>
    public long? FirstBadLine { get; private set; }

    public async Task ReadAsync<T>(JsonRecordReader<T> read, Action<T> accept, CancellationToken cancellationToken)
    {
        try
        {
            _source = JsonLinesSource.Open(Path, MaxLineBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot read {What} file '{Path}': {e.Message}", e);
        }
        using var source = _source;
        var item = new PipelineItem();
        while (await source.ReadAsync(item, cancellationToken).ConfigureAwait(false))
        {
            if (TryRead(item.Memory, read, out var record))
            {
                Records++;
                accept(record);
            }
            else
            {
                BadLines++;
                FirstBadLine ??= item.Position.Offset;
            }
        }
    }

    /// <summary>One record from UTF-8 JSON; false, never an exception, when it is not JSON or not the record.</summary>
    public static bool TryRead<T>(ReadOnlyMemory<byte> json, JsonRecordReader<T> read, [MaybeNullWhen(false)] out T record)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return read(document.RootElement, out record);
        }
        catch (JsonException)
        {
            record = default;
            return false;
        }
    }
}
