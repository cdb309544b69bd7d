using System.Text;
using System.Text.Json;
using Detector.Domain.Events;
using Detector.Domain.Ingest;

namespace Detector.Simulation.Tests;

/// <summary>One simulation into memory, with its three outputs as bytes, lines, parsed events and labels.</summary>
internal sealed class SimulationRun
{
    private SimulationRun(SimulationOptions options, SimulationSummary summary, byte[] history, byte[] events, byte[] labels, List<double> progress)
    {
        Options = options;
        Summary = summary;
        HistoryBytes = history;
        EventBytes = events;
        LabelBytes = labels;
        Progress = progress;
        HistoryRecords = Records(history);
        EventRecords = Records(events);
        HistoryLines = [.. HistoryRecords.Select(r => Encoding.UTF8.GetString(r))];
        EventLines = [.. EventRecords.Select(r => Encoding.UTF8.GetString(r))];
        History = ParseAll(HistoryRecords);
        Events = ParseAll(EventRecords);
        Labels = [.. Records(labels).Select(r => Label.Parse(Encoding.UTF8.GetString(r)))];
    }

    public SimulationOptions Options { get; }

    public SimulationSummary Summary { get; }

    public byte[] HistoryBytes { get; }

    public byte[] EventBytes { get; }

    public byte[] LabelBytes { get; }

    public IReadOnlyList<double> Progress { get; }

    /// <summary>The raw bytes of each line, as a collector would hand them to the parser.</summary>
    public IReadOnlyList<byte[]> HistoryRecords { get; }

    public IReadOnlyList<byte[]> EventRecords { get; }

    /// <summary>Lines decoded as text (invalid UTF-8 replaced), for field-level checks.</summary>
    public IReadOnlyList<string> HistoryLines { get; }

    public IReadOnlyList<string> EventLines { get; }

    /// <summary>Accepted history events, in file order.</summary>
    public IReadOnlyList<ToolEvent> History { get; }

    /// <summary>Accepted test events, in file order.</summary>
    public IReadOnlyList<ToolEvent> Events { get; }

    public IReadOnlyList<Label> Labels { get; }

    public static SimulationRun Execute(SimulationOptions options)
    {
        using var history = new MemoryStream();
        using var events = new MemoryStream();
        using var labels = new MemoryStream();
        var progress = new List<double>();
        var summary = new FleetSimulator(options).Run(history, events, labels, new SynchronousProgress(progress));
        return new SimulationRun(options, summary, history.ToArray(), events.ToArray(), labels.ToArray(), progress);
    }

    public static ParseResult Parse(byte[] record) => new ToolEventParser(new IngestLimits()).Parse(record, new ToolEvent());

    public ILookup<string, ToolEvent> EventsBySession() => Events.ToLookup(e => e.Session.Value);

    public IEnumerable<(Label Label, IReadOnlyList<ToolEvent> Events)> Sessions(Func<Label, bool> which)
    {
        var bySession = EventsBySession();
        return Labels.Where(which).Select(l => (l, (IReadOnlyList<ToolEvent>)bySession[l.SessionId].ToList()));
    }

    /// <summary>The names of the top-level fields of a line.</summary>
    public static IReadOnlyList<string> FieldNames(string line)
    {
        using var document = JsonDocument.Parse(line);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
    }

    private static List<byte[]> Records(byte[] bytes)
    {
        var records = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n')
                continue;
            records.Add(bytes[start..i]);
            start = i + 1;
        }
        if (start < bytes.Length)
            records.Add(bytes[start..]);
        return records;
    }

    private static List<ToolEvent> ParseAll(IReadOnlyList<byte[]> records)
    {
        var parser = new ToolEventParser(new IngestLimits());
        var result = new List<ToolEvent>(records.Count);
        foreach (var record in records)
        {
            var e = new ToolEvent();
            if (parser.Parse(record, e).IsAccepted)
            {
                var copy = new ToolEvent();
                e.CopyTo(copy);
                result.Add(copy);
            }
        }
        return result;
    }
}
