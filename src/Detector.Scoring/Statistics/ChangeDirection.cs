namespace Detector.Scoring.Statistics;

/// <summary>Which way a change-point test saw the level move when it raised an alarm.</summary>
public enum ChangeDirection : byte
{
    None = 0,
    Up = 1,
    Down = 2,
}
