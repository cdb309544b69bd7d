using Spectre.Console;

namespace Detector.Cli.Console;

/// <summary>Runs work under a Spectre progress bar fed by a polled fraction (bytes read of a file, events produced).</summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(string description, Func<double?> fraction, Func<Task<T>> work)
    {
        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(description, maxValue: 1);
                var running = work();
                while (!running.IsCompleted)
                {
                    if (fraction() is { } f)
                        task.Value = Math.Clamp(f, 0, 1);
                    else
                        task.IsIndeterminate = true;
                    await Task.WhenAny(running, Task.Delay(150)).ConfigureAwait(false);
                }
                result = await running.ConfigureAwait(false);
                task.Value = 1;
            }).ConfigureAwait(false);
        return result;
    }
}
