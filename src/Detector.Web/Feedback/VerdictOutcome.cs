namespace Detector.Web.Feedback;

/// <summary>A stored verdict and the quarantines it released (a false positive lifts those its alert caused).</summary>
public sealed record VerdictOutcome(VerdictRecord Verdict, IReadOnlyList<ReleaseRecord> Releases);
