namespace Detector.Scoring.Statistics;

/// <summary>
/// One step of a change-point test: its statistic after the step (before any reset, so an alarm
/// reports the value that crossed the threshold) and the direction of the change when it alarmed.
/// </summary>
public readonly record struct ChangeSignal(double Statistic, ChangeDirection Alarm)
{
    public bool IsAlarm => Alarm != ChangeDirection.None;
}
