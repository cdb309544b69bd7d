namespace Detector.Hosting.Jobs;

/// <summary>What to replay and where each output goes; a null output path means it is not written.</summary>
public sealed record ReplayRequest(
    string Input,
    string? ModelDirectory = null,
    string? AlertsPath = null,
    string? SignalsPath = null,
    string? ScoresPath = null,
    string? DeadLettersPath = null);
