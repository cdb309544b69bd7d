namespace Detector.Hosting.Export;

/// <summary>What an export wrote and what it read, bad lines included, for the summary table.</summary>
/// <param name="JudgedAlerts">Alerts with a verdict, each once however often an analyst revised it.</param>
public sealed record ExportSummary(
    int Rows,
    int Malicious,
    int Benign,
    int Unlabelled,
    int UnlabelledLeftOut,
    int SessionsOnlyInFeedback,
    int JudgedAlerts,
    int LabelsWithoutSession,
    int FeatureColumns,
    IReadOnlyList<ExportInput> Inputs,
    string CsvPath,
    string JsonLinesPath);
