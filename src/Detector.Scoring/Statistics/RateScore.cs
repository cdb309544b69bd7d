namespace Detector.Scoring.Statistics;

/// <summary>
/// How an observed count compares with a bucket's baseline: the expected count, a robust z
/// (observed minus expected over the learned spread) and an upper-tail p-value (small = burst).
/// A bucket still in warm-up scores z = 0, p = 1: no evidence either way.
/// </summary>
public readonly record struct RateScore(double Expected, double Z, double PValue);
