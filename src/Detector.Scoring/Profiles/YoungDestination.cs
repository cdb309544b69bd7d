namespace Detector.Scoring.Profiles;

/// <summary>A young destination's transfers so far: how many, the last size, the growing run ending there, and its age.</summary>
public readonly record struct YoungDestination(int Transfers, long LastBytes, int GrowingRun, double AgeDays);
