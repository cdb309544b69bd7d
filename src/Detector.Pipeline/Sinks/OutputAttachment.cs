using Detector.Pipeline.Stages;

namespace Detector.Pipeline.Sinks;

/// <summary>
/// What a host's surfaces put around a pipeline's emitting sink: <see cref="Sink"/> replaces it (it
/// withholds suppressed outputs, then emits, then counts and projects), and <see cref="Tap"/> is given
/// every scored event.
/// </summary>
public sealed record OutputAttachment(IScoredEventTap Tap, IOutcomeSink Sink);
