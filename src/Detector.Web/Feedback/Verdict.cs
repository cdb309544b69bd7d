namespace Detector.Web.Feedback;

/// <summary>An analyst's judgement of an alert. Values are persisted: never renumber.</summary>
public enum Verdict
{
    /// <summary>A real incident.</summary>
    Confirmed = 1,
    /// <summary>Benign behaviour the detector took for an attack; exported as a label for retraining.</summary>
    FalsePositive = 2,
}
