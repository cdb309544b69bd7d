using Detector.Domain.Outputs;

namespace Detector.Pipeline.Shadow;

/// <summary>A snapshot of a <see cref="ShadowComparison"/> for the dashboard and the API.</summary>
/// <param name="SessionsBoth">Sessions both models alerted on.</param>
/// <param name="SessionsActiveOnly">Sessions only the active model alerted on (the candidate would miss or clear them).</param>
/// <param name="SessionsShadowOnly">Sessions only the candidate alerted on (new detections or new false positives).</param>
/// <param name="SessionsUntracked">Alerted sessions beyond the comparison's memory, counted but not compared.</param>
/// <param name="RecentShadowAlerts">The candidate's latest alerts, newest first (recorded, never emitted).</param>
public sealed record ShadowReport(
    string ActiveVersion,
    string ShadowVersion,
    DateTimeOffset Started,
    long Events,
    long ActiveAlerts,
    long ShadowAlerts,
    int SessionsBoth,
    int SessionsActiveOnly,
    int SessionsShadowOnly,
    long SessionsUntracked,
    IReadOnlyList<KindCount> Kinds,
    IReadOnlyList<ActionCount> Actions,
    IReadOnlyList<Alert> RecentShadowAlerts);
