using Detector.Domain.Outputs;
using Detector.Web.Feedback;

namespace Detector.Web.Api;

/// <summary>An alert in the feed with the analyst's latest verdict on it.</summary>
public sealed record AlertRow(Alert Alert, Verdict? Verdict);
