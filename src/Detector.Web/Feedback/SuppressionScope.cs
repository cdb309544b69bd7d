namespace Detector.Web.Feedback;

/// <summary>What a suppression matches on an alert. Values are persisted: never renumber.</summary>
public enum SuppressionScope
{
    /// <summary>The alert's agent id.</summary>
    Agent = 1,
    /// <summary>The tool of the alert's triggering event.</summary>
    Tool = 2,
    /// <summary>The destination of the alert's triggering event.</summary>
    Destination = 3,
    /// <summary>The alert's kind.</summary>
    Kind = 4,
}
