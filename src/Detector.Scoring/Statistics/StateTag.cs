namespace Detector.Scoring.Statistics;

/// <summary>
/// The first byte of every serialised statistics state: which type wrote it, so a checkpoint read
/// into the wrong type fails loudly instead of decoding garbage. Persisted: never renumber.
/// </summary>
public enum StateTag : byte
{
    SlidingWindow = 1,
    CusumState = 2,
    ConformalMartingale = 3,
    SeasonalRateBaseline = 4,
    CountMinSketch = 5,
    SeenSet = 6,
    NGramModel = 7,
    NGramSession = 8,
    EmpiricalCalibration = 9,
}
