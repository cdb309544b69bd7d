using System.CommandLine;
using Detector.Cli.Commands;
using Detector.Cli.Console;
using Detector.Scoring.Model;

namespace Detector.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("AgentDrift: streaming behavioural anomaly detection for AI agents.")
        {
            DemoCommand.Create(),
            ReplayCommand.Create(),
            TrainCommand.Create(),
            SimulateCommand.Create(),
            EvaluateCommand.Create(),
            BenchCommand.Create(),
            RunCommand.Create(),
            BrokerCommand.Create(),
            ExportCommand.Create(),
        };
        CollectorMode.ForThroughput();
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception e) when (e is ModelFormatException or FileNotFoundException or ArgumentException or InvalidOperationException or InvalidDataException)
        {
            Terminal.Error(e.Message);
            return 2;
        }
    }
}
