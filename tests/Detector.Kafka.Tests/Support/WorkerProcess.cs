using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Detector.TestSupport;

namespace Detector.Kafka.Tests.Support;

/// <summary>
/// `dotnet detector.dll run` as a separate process (the CLI built with this test project), with
/// its JSON log lines readable: which partitions it was assigned and what it restored.
/// </summary>
internal sealed partial class WorkerProcess : IDisposable
{
    private readonly ChildProcess _process;
    private readonly TempDirectory _dir;

    private WorkerProcess(ChildProcess process, TempDirectory dir)
    {
        _process = process;
        _dir = dir;
    }

    /// <summary>Starts `run` with its surfaces on a free loopback port and its feedback database in a folder of its own.</summary>
    public static WorkerProcess Start(IEnumerable<string> arguments)
    {
        var dir = new TempDirectory("agentdrift-worker");
        string[] surfaces = ["--urls", "http://127.0.0.1:0", "--set", "Web:FeedbackDatabase=" + dir.File("feedback.db")];
        return new(ChildProcess.Start("dotnet", new[] { CliPath, "run" }.Concat(arguments).Concat(surfaces), environment: new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" }), dir);
    }

    /// <summary>The detector CLI built with this test project (same configuration).</summary>
    public static string CliPath
    {
        get
        {
            string path = Repository.Path("src", "Detector.Cli", "bin", Repository.Configuration, "net10.0", "detector.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("build src/Detector.Cli first", path);
        }
    }

    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Log messages, in order.</summary>
    public IEnumerable<string> Messages => _process.Lines.Select(MessageOf).Where(m => m.Length > 0);

    /// <summary>The partitions of the latest assignment (empty before the first).</summary>
    public IReadOnlyList<int> Assigned
    {
        get
        {
            string? last = Messages.LastOrDefault(m => m.StartsWith("assigned partitions", StringComparison.Ordinal));
            return last is null ? [] : last["assigned partitions ".Length..].Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        }
    }

    /// <summary>What each restore logged: partition, agents, checkpoint offset.</summary>
    public IReadOnlyList<(int Partition, int Agents, long Offset)> Restores =>
        Messages.Select(m => RestoredLine().Match(m)).Where(m => m.Success)
            .Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>Where the worker serves the dashboard and /metrics, once it logged it.</summary>
    public Uri? SurfaceAddress =>
        Messages.Select(m => SurfacesLine().Match(m)).FirstOrDefault(m => m.Success) is { } match ? new Uri(match.Groups[1].Value) : null;

    public bool WaitUntil(Func<WorkerProcess, bool> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !_process.HasExited)
        {
            if (condition(this))
                return true;
            Thread.Sleep(50);
        }
        return condition(this);
    }

    public void Kill() => _process.Kill();

    public void Terminate() => _process.Terminate();

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public void Dispose()
    {
        _process.Dispose();
        _dir.Dispose();
    }

    private static string MessageOf(string line)
    {
        if (!line.StartsWith('{'))
            return "";
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.TryGetProperty("Message", out var m) ? m.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    [GeneratedRegex(@"^dashboard, /api and /metrics at (\S+)")]
    private static partial Regex SurfacesLine();

    [GeneratedRegex(@"^partition (\d+): restored (\d+) agents .* checkpoint at offset (\d+)")]
    private static partial Regex RestoredLine();
}
