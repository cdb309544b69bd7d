using Detector.Domain.Outputs;

namespace Detector.Pipeline.Shadow;

/// <summary>Signals with one action from each model (the shadow's would-be signals).</summary>
public sealed record ActionCount(QuarantineAction Action, long Active, long Shadow);
