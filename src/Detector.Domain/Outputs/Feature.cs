namespace Detector.Domain.Outputs;

/// <summary>One number behind an alert, e.g. ("destination_seen_count", 0).</summary>
public readonly record struct Feature(string Name, double Value);
