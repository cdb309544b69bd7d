using Detector.Domain.Events;
using Detector.Scoring.Engine;

namespace Detector.Pipeline.Stages;

/// <summary>
/// Sees every applied event with what scoring made of it, on the shard's thread, before the event's
/// buffers are reused. For read models (dashboard, per-agent time series) that keep their own bounded
/// aggregates and publish snapshots; it must be quick, must not throw, and must copy what it keeps.
/// </summary>
public interface IScoredEventTap
{
    void Observe(ToolEvent e, ScoreResult result);
}
