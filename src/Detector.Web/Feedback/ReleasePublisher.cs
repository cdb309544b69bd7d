namespace Detector.Web.Feedback;

/// <summary>
/// Sends a <c>release</c> quarantine signal (supplied by the host: the worker builds, signs and produces
/// it to the quarantine topic). A failure propagates to the analyst's request, and the release is not
/// recorded, so it can be retried.
/// </summary>
public delegate Task ReleasePublisher(ReleaseRequest request, CancellationToken cancellationToken);
