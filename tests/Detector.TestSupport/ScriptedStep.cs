using Detector.Domain.Events;

namespace Detector.TestSupport;

/// <summary>
/// One tool call of a scripted session: what is called and with which fields. Who calls it and when
/// come from the session it is placed in (<see cref="EventScript"/>). Defaults describe an ordinary,
/// successful internal call in the agent's usual tenant, without credential, destination or delegation.
/// </summary>
public sealed record ScriptedStep(string Tool, ToolAction Action)
{
    public Sensitivity Sensitivity { get; init; } = Sensitivity.Internal;

    public string? Resource { get; init; }

    public string? Destination { get; init; }

    public string? Tenant { get; init; } = "acme";

    public long? BytesOut { get; init; }

    public Outcome Outcome { get; init; } = Outcome.Success;

    public string? CredentialId { get; init; }

    /// <summary>The credential's expiry relative to the step's own time (negative: already expired).</summary>
    public TimeSpan? CredentialExpiresIn { get; init; }

    public string? ApprovalId { get; init; }

    public string? Intent { get; init; }

    public string? ParentAgent { get; init; }

    public string? ParentSession { get; init; }

    public static ScriptedStep Read(string tool, Sensitivity sensitivity = Sensitivity.Internal) => new(tool, ToolAction.Read) { Sensitivity = sensitivity };

    public static ScriptedStep Write(string tool) => new(tool, ToolAction.Write);

    public static ScriptedStep Transfer(string tool, string destination, long bytes) => new(tool, ToolAction.Transfer) { Destination = destination, BytesOut = bytes };

    public static ScriptedStep Privilege(string tool) => new(tool, ToolAction.Privilege) { Sensitivity = Sensitivity.Restricted };
}
