using Detector.Pipeline.Enforcement;
using Detector.Pipeline.Shadow;
using Detector.Scoring.Engine;

namespace Detector.Kafka.Processing;

/// <summary>A candidate model running in shadow: its engine, its own enforcement guard, and where its outputs are compared.</summary>
internal sealed record ShadowEngine(DetectionEngine Engine, EnforcementGuard Guard, ShadowComparison Comparison);
