using Detector.Domain.Outputs;
using Detector.Web.Feedback;

namespace Detector.Web.Api;

/// <summary>One alert with its evidence chain (inside the alert contract), the verdict, and the signals it caused.</summary>
public sealed record AlertDetailView(Alert Alert, Verdict? Verdict, IReadOnlyList<SignalView> Signals);
