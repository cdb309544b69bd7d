using Detector.Web.ReadModel;

namespace Detector.Web.Api;

/// <summary>An agent's page: baseline, recent alerts and quarantine signals.</summary>
public sealed record AgentView(AgentDetail Detail, IReadOnlyList<AlertRow> Alerts, IReadOnlyList<SignalView> Signals);
