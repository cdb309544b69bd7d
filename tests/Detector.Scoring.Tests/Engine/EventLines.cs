using System.Text;
using Detector.Domain.Events;
using Detector.Domain.Ingest;

namespace Detector.Scoring.Tests.Engine;

/// <summary>JSONL bytes split into records and parsed, as the pipeline's parse stage would (rejects are skipped).</summary>
internal static class EventLines
{
    public static IEnumerable<byte[]> Records(byte[] jsonl)
    {
        int start = 0;
        while (start < jsonl.Length)
        {
            int end = Array.IndexOf(jsonl, (byte)'\n', start);
            if (end < 0)
                end = jsonl.Length;
            if (end > start)
                yield return jsonl[start..end];
            start = end + 1;
        }
    }

    /// <summary>Parses each record into <paramref name="target"/> in turn and yields it when accepted.</summary>
    public static IEnumerable<ToolEvent> Parse(IEnumerable<byte[]> records, ToolEvent? target = null)
    {
        var parser = new ToolEventParser(new IngestLimits());
        var e = target ?? new ToolEvent();
        foreach (var record in records)
        {
            if (parser.Parse(record, e).IsAccepted)
                yield return e;
        }
    }

    public static IEnumerable<ToolEvent> Parse(IEnumerable<string> lines) => Parse(lines.Select(Encoding.UTF8.GetBytes));
}
