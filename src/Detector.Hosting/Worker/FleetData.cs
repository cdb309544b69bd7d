namespace Detector.Hosting.Worker;

/// <summary>A recorded fleet: benign history to train on and the events to stream (JSONL bytes each).</summary>
public sealed record FleetData(ReadOnlyMemory<byte> History, ReadOnlyMemory<byte> Events)
{
    /// <summary>The stream's events as re-stampable templates, in order (lines that are not events are left out).</summary>
    public List<TimedEventTemplate> Templates()
    {
        var templates = new List<TimedEventTemplate>();
        var rest = Events.Span;
        while (!rest.IsEmpty)
        {
            int nl = rest.IndexOf((byte)'\n');
            var line = nl < 0 ? rest : rest[..nl];
            rest = nl < 0 ? [] : rest[(nl + 1)..];
            if (TimedEventTemplate.TryCreate(line, out var template))
                templates.Add(template);
        }
        return templates;
    }
}
