namespace Detector.Web.ReadModel;

/// <summary>An agent's baseline as the dashboard shows it: tool mix, usual destinations, hourly rate against its band.</summary>
public sealed record AgentDetail(AgentSummary Summary, IReadOnlyList<CountShare> Tools, IReadOnlyList<CountShare> Destinations, IReadOnlyList<RatePoint> Rate);
