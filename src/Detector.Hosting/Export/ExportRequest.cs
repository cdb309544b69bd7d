namespace Detector.Hosting.Export;

/// <summary>
/// What `detector export` reads and where it writes. Every input is optional, but at least one of the
/// scores, the alerts or the feedback must be given: the simulator's labels only annotate sessions.
/// </summary>
public sealed record ExportRequest(
    string? ScoresPath,
    string? AlertsPath,
    string? FeedbackPath,
    string? LabelsPath,
    string OutputDirectory = ".",
    string Prefix = "sessions",
    bool LabelledOnly = false)
{
    public string CsvPath => Path.Combine(OutputDirectory, Prefix + ".csv");

    public string JsonLinesPath => Path.Combine(OutputDirectory, Prefix + ".jsonl");

    public void Validate()
    {
        if (ScoresPath is null && AlertsPath is null && FeedbackPath is null)
            throw new ArgumentException("export needs at least one of --scores, --alerts or --feedback");
        if (string.IsNullOrWhiteSpace(Prefix) || Prefix.IndexOfAny(['/', '\\']) >= 0)
            throw new ArgumentException($"--prefix must be a file name without a directory, got '{Prefix}'");
    }
}
