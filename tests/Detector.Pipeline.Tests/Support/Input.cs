using System.Text;
using System.Text.Json.Nodes;
using Detector.TestSupport;

namespace Detector.Pipeline.Tests.Support;

/// <summary>Raw input lines for a run, kept as bytes so invalid UTF-8 and duplicate fields survive untouched.</summary>
internal sealed class Input
{
    private readonly List<byte[]> _lines = [];

    public IReadOnlyList<byte[]> Lines => _lines;

    /// <summary>Adds a line and returns its 1-based line number (what a dead letter's source names).</summary>
    public int Add(byte[] line)
    {
        _lines.Add(line);
        return _lines.Count;
    }

    public int Add(string line) => Add(Encoding.UTF8.GetBytes(line));

    public int Add(JsonObject e) => Add(e.Line());

    public Input AddRange(IEnumerable<string> lines)
    {
        foreach (string line in lines)
            Add(line);
        return this;
    }

    /// <summary>The JSONL bytes: every line followed by '\n'.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        foreach (var line in _lines)
        {
            stream.Write(line);
            stream.WriteByte((byte)'\n');
        }
        return stream.ToArray();
    }
}
