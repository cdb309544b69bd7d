using System.Diagnostics;

namespace Detector.Cli.Tests.Support;

/// <summary>
/// Runs the built CLI (the detector.dll copied beside this test assembly) as its own process, the way
/// a user runs it: raw bytes on standard input, standard output and error captured apart, colour off
/// so the summary table reads as plain text.
/// </summary>
internal static class DetectorCli
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "detector.dll");

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task<CliRun> RunAsync(string[] args, byte[]? stdin = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (string a in args)
            info.ArgumentList.Add(a);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"detector {string.Join(' ', args)} did not finish within {Timeout}");
        }
        await copyOut;
        return new CliRun(args, process.ExitCode, stdout.ToArray(), await stderr);
    }

    /// <summary>Runs and requires success, failing with the command and its output otherwise.</summary>
    public static async Task<CliRun> SucceedAsync(params string[] args)
    {
        var run = await RunAsync(args);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"detector {string.Join(' ', args)} exited with {run.ExitCode}:\n{run.Output}");
        return run;
    }
}
