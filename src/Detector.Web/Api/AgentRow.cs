using Detector.Domain.Outputs;
using Detector.Web.ReadModel;

namespace Detector.Web.Api;

/// <summary>A ranked agent and the restriction in force on it (the strongest unreleased signal), if any.</summary>
public sealed record AgentRow(AgentSummary Agent, QuarantineAction? Restriction);
