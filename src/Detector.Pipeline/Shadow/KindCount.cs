namespace Detector.Pipeline.Shadow;

/// <summary>Alerts of one kind from each model.</summary>
public sealed record KindCount(string Kind, long Active, long Shadow);
