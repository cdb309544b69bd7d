using Detector.Domain.Identity;
using Detector.Domain.Ingest;
using Detector.Domain.Time;

namespace Detector.Domain.Events;

/// <summary>
/// A tool-invocation event, contract v1 (docs/contracts.md). Mutable so a parser can refill one
/// instance per record on the hot path; hand out copies (<see cref="CopyTo"/>) where it must outlive that.
/// </summary>
public sealed class ToolEvent
{
    private readonly Utf8Field _eventId = new() { Text = "" };

    /// <summary>
    /// Unique per event. The parser keeps it as UTF-8 and it becomes a string only when read: a typical
    /// event is de-duplicated by <see cref="EventIdHash"/> and never cited in evidence.
    /// </summary>
    public string EventId
    {
        get => _eventId.Text ?? "";
        set => _eventId.Text = value;
    }

    /// <summary>The event id's stable hash: <see cref="StableHash.Of(string, long)"/> of it, without making it a string.</summary>
    public ulong EventIdHash => _eventId.Hash();

    public EventTime Time { get; set; }
    public AgentId Agent { get; set; }
    public SessionId Session { get; set; }
    public string Tool { get; set; } = "";

    /// <summary>From the event, else from the tool catalog, else <see cref="ToolAction.Unknown"/>.</summary>
    public ToolAction Action { get; set; }

    /// <summary>The resource, kept as UTF-8 by the parser (<see cref="ResourceField"/>): most events only hash its pattern.</summary>
    public string? Resource
    {
        get => ResourceField.Text;
        set => ResourceField.Text = value;
    }

    public Utf8Field ResourceField { get; } = new();
    public string? Destination { get; set; }
    public Sensitivity Sensitivity { get; set; }
    public string? Tenant { get; set; }
    public Outcome Outcome { get; set; }
    public ArgumentList Arguments { get; } = new();
    public string? Intent { get; set; }
    public string? Sponsor { get; set; }
    public AgentId ParentAgent { get; set; }
    public SessionId ParentSession { get; set; }
    public string? CredentialId { get; set; }
    public EventTime? CredentialExpiresAt { get; set; }
    public string? ApprovalId { get; set; }
    public long? BytesOut { get; set; }
    public double? LatencyMs { get; set; }

    public SessionKey SessionKey => new(Agent, Session);

    public bool IsDelegated => !ParentAgent.IsEmpty || !ParentSession.IsEmpty;

    /// <summary>Sets the event id from its UTF-8 bytes (copied into a buffer this event reuses).</summary>
    public void SetEventId(ReadOnlySpan<byte> utf8) => _eventId.SetUtf8(utf8);

    public void Clear()
    {
        EventId = "";
        Time = default;
        Agent = default;
        Session = default;
        Tool = "";
        Action = ToolAction.Unknown;
        Resource = null;
        Destination = null;
        Sensitivity = Sensitivity.Unknown;
        Tenant = null;
        Outcome = Outcome.Success;
        Arguments.Clear();
        Intent = null;
        Sponsor = null;
        ParentAgent = default;
        ParentSession = default;
        CredentialId = null;
        CredentialExpiresAt = null;
        ApprovalId = null;
        BytesOut = null;
        LatencyMs = null;
    }

    public void CopyTo(ToolEvent target)
    {
        target.EventId = EventId;
        target.Time = Time;
        target.Agent = Agent;
        target.Session = Session;
        target.Tool = Tool;
        target.Action = Action;
        target.Resource = Resource;
        target.Destination = Destination;
        target.Sensitivity = Sensitivity;
        target.Tenant = Tenant;
        target.Outcome = Outcome;
        target.Arguments.Clear();
        foreach (ref readonly var a in Arguments.AsSpan())
            target.Arguments.Add(a);
        target.Intent = Intent;
        target.Sponsor = Sponsor;
        target.ParentAgent = ParentAgent;
        target.ParentSession = ParentSession;
        target.CredentialId = CredentialId;
        target.CredentialExpiresAt = CredentialExpiresAt;
        target.ApprovalId = ApprovalId;
        target.BytesOut = BytesOut;
        target.LatencyMs = LatencyMs;
    }
}
