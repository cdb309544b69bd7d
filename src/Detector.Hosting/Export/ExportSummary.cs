namespace Detector.Hosting.Export;

/// <summary>What an export wrote and what it read, bad lines included, for the summary table. <see cref="Verdicts"/> counts judged alerts (the latest verdict of each).</summary>
public sealed record ExportSummary(
    int Rows,
    int Malicious,
    int Benign,
    int Unlabelled,
    int UnlabelledLeftOut,
    int SessionsOnlyInFeedback,
    int Verdicts,
    int LabelsWithoutSession,
    int FeatureColumns,
    IReadOnlyList<ExportInput> Inputs,
    string CsvPath,
    string JsonLinesPath);
