using Detector.Domain.Events;
using Detector.Pipeline.Stages;
using Detector.Scoring.Engine;

namespace Detector.Web.Hosting;

/// <summary>Hands each scored event to several taps in order.</summary>
internal sealed class CompositeTap(params IScoredEventTap[] taps) : IScoredEventTap
{
    public void Observe(ToolEvent e, ScoreResult result)
    {
        foreach (var tap in taps)
            tap.Observe(e, result);
    }
}
