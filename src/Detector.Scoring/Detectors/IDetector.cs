using Detector.Scoring.Evidence;

namespace Detector.Scoring.Detectors;

/// <summary>
/// One family of behavioural tests. Stateless itself: what it learns lives in the agent's profile,
/// the session state or the shared tables, reached through the context.
/// </summary>
public interface IDetector
{
    /// <summary>Adds findings about the event, judged against what was learned before it.</summary>
    void Score(EventContext context, FindingBuffer findings);

    /// <summary>
    /// Learns from the event once it has been scored (bounded adaptation is the detector's duty).
    /// Called for every event: baselines learn only when <see cref="EventContext.LearnsBaselines"/>
    /// (the session has not reached medium severity), while facts (credential and session bindings,
    /// young destinations, which members took up a new tool or tenant) are recorded regardless.
    /// </summary>
    void Learn(EventContext context);
}
