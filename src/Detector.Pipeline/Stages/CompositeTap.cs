using Detector.Domain.Events;
using Detector.Scoring.Engine;

namespace Detector.Pipeline.Stages;

/// <summary>Hands each scored event to several taps in order.</summary>
public sealed class CompositeTap(params IScoredEventTap[] taps) : IScoredEventTap
{
    public void Observe(ToolEvent e, ScoreResult result)
    {
        foreach (var tap in taps)
            tap.Observe(e, result);
    }
}
