using System.Collections.Concurrent;
using System.Diagnostics;

namespace Detector.TestSupport;

/// <summary>
/// A process started by a test: output captured line by line (stdout and stderr), waits on output,
/// and a hard kill (SIGKILL, the whole tree) on demand and on dispose, so nothing outlives the test.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IEnumerable<string> Lines => _lines;

    public string Output => string.Join('\n', _lines);

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string a in arguments)
            start.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
                start.Environment[k] = v;
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until a line contains <paramref name="text"/>; false on timeout or exit.</summary>
    public bool WaitForLine(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
                return true;
            if (_process.HasExited)
                return _lines.Any(l => l.Contains(text, StringComparison.Ordinal));
            Thread.Sleep(25);
        }
        return false;
    }

    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
            return false;
        // With a timeout the redirected output may still be in flight; without one, it is drained.
        _process.WaitForExit();
        return true;
    }

    /// <summary>SIGKILL: no chance to clean up (the crash a kill -9 simulates).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the polite stop a container runtime sends first.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is not null)
            _lines.Enqueue(line);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
