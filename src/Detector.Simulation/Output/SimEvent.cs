using Detector.Domain.Events;
using Detector.Domain.Time;

namespace Detector.Simulation.Output;

/// <summary>A tool-invocation event as generated, before serialisation. One instance is reused per emitter.</summary>
internal sealed class SimEvent
{
    public string EventId { get; set; } = "";

    public EventTime Time { get; set; }

    public string AgentId { get; set; } = "";

    public string SessionId { get; set; } = "";

    public string Tool { get; set; } = "";

    public ToolAction Action { get; set; }

    public string? Resource { get; set; }

    public string? Destination { get; set; }

    public Sensitivity Sensitivity { get; set; }

    public string Tenant { get; set; } = "";

    public Outcome Outcome { get; set; }

    public List<SimArgument> Arguments { get; } = [];

    public string Intent { get; set; } = "";

    public string Sponsor { get; set; } = "";

    public string? ParentAgentId { get; set; }

    public string? ParentSessionId { get; set; }

    public string CredentialId { get; set; } = "";

    public EventTime CredentialExpiresAt { get; set; }

    public string? ApprovalId { get; set; }

    public long BytesOut { get; set; }

    public double LatencyMs { get; set; }
}
