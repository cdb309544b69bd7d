namespace Detector.Cli.Tests.Support;

/// <summary>The four output files of one `detector replay`, in a directory of their own.</summary>
internal sealed record ReplayOutputs(string Directory)
{
    public string Alerts => Path.Combine(Directory, "alerts.jsonl");

    public string Signals => Path.Combine(Directory, "signals.jsonl");

    public string Scores => Path.Combine(Directory, "scores.jsonl");

    public string DeadLetters => Path.Combine(Directory, "dead-letters.jsonl");

    public string[] Flags => ["--alerts", Alerts, "--signals", Signals, "--scores", Scores, "--dead-letters", DeadLetters];

    public IEnumerable<(string Schema, string Path)> Files =>
    [
        (ContractSchemas.Alert, Alerts), (ContractSchemas.Signal, Signals), (ContractSchemas.SessionScore, Scores), (ContractSchemas.DeadLetter, DeadLetters),
    ];

    public static ReplayOutputs In(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        return new ReplayOutputs(directory);
    }

    public static int Lines(string path) => File.ReadLines(path).Count();
}
