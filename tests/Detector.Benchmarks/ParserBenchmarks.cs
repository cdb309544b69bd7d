using System.Text;
using BenchmarkDotNet.Attributes;
using Detector.Domain.Events;
using Detector.Domain.Ingest;
using Detector.Simulation;

namespace Detector.Benchmarks;

/// <summary>
/// The event parser over a simulated fleet's real event lines (all optional fields present, and the
/// five-field minimal form), per record. The allocation column is the figure to watch: only the
/// event id should be new per record once the string pool is warm.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private byte[][] _full = [];
    private byte[][] _minimal = [];
    private ToolEventParser _parser = null!;
    private readonly ToolEvent _event = new();

    [GlobalSetup]
    public void Setup()
    {
        _full = Lines(minimal: false);
        _minimal = Lines(minimal: true);
        _parser = new ToolEventParser(new IngestLimits());
        foreach (var line in _full)
            _parser.Parse(line, _event);
    }

    [Benchmark(OperationsPerInvoke = 4096)]
    public int FullEvents() => ParseAll(_full);

    [Benchmark(OperationsPerInvoke = 4096)]
    public int MinimalEvents() => ParseAll(_minimal);

    private int ParseAll(byte[][] lines)
    {
        int accepted = 0;
        for (int i = 0; i < 4096; i++)
        {
            if (_parser.Parse(lines[i % lines.Length], _event).IsAccepted)
                accepted++;
        }
        return accepted;
    }

    private static byte[][] Lines(bool minimal)
    {
        using var events = new MemoryStream();
        new FleetSimulator(new SimulationOptions { Seed = 3, Agents = 20, HistoryDays = 1, TestDays = 1, MinimalFields = minimal })
            .Run(Stream.Null, events, Stream.Null);
        return Encoding.UTF8.GetString(events.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Take(4096).Select(Encoding.UTF8.GetBytes).ToArray();
    }
}
