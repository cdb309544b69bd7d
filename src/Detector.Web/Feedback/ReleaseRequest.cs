using Detector.Domain.Outputs;

namespace Detector.Web.Feedback;

/// <summary>What the worker needs to build, sign and send a <c>release</c> signal lifting <paramref name="Original"/>.</summary>
public sealed record ReleaseRequest(QuarantineSignal Original, Alert Alert, string Actor, string Reason);
