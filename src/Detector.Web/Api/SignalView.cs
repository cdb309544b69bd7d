using Detector.Domain.Outputs;
using Detector.Web.Feedback;

namespace Detector.Web.Api;

/// <summary>A quarantine signal and, when an analyst lifted it, its release.</summary>
public sealed record SignalView(QuarantineSignal Signal, ReleaseRecord? Release);
