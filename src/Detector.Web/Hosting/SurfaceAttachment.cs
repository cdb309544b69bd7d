using Detector.Pipeline.Sinks;
using Detector.Pipeline.Stages;

namespace Detector.Web.Hosting;

/// <summary>
/// What the host passes to its pipeline graph: <see cref="Tap"/> as the scored-event tap and
/// <see cref="Sink"/> as the outcome sink (it wraps the host's emitting sinks behind suppression, then
/// counts metrics and feeds the dashboard).
/// </summary>
public sealed record SurfaceAttachment(IScoredEventTap Tap, IOutcomeSink Sink);
