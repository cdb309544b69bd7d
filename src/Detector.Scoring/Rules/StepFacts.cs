using Detector.Domain.Events;

namespace Detector.Scoring.Rules;

/// <summary>
/// What a policy rule can test about one step of a session. The engine fills it from the event and
/// from the learned detectors' judgements (novelty, delegation, credential bindings), before they learn
/// from the event.
/// </summary>
public readonly record struct StepFacts
{
    public StepFacts()
    {
    }

    public ToolAction Action { get; init; }

    public Sensitivity Sensitivity { get; init; }

    public Outcome Outcome { get; init; }

    public string Tool { get; init; } = "";

    public DestinationClass Destination { get; init; }

    /// <summary>The step's tenant is not one the agent has established.</summary>
    public bool ForeignTenant { get; init; }

    /// <summary>The step belongs to a delegated sub-session.</summary>
    public bool Delegated { get; init; }

    /// <summary>The delegation detector judged the action unusual under the parent session's intent.</summary>
    public bool OutsideParentIntent { get; init; }

    public CredentialStatus Credential { get; init; }

    /// <summary>The tool is new for the agent.</summary>
    public bool NewTool { get; init; }

    /// <summary>The action (privilege, transfer, write) is one the agent almost never takes.</summary>
    public bool RareAction { get; init; }

    /// <summary>The transfer continues a growing series (three or more sends, each larger) to a young destination.</summary>
    public bool GrowingDoses { get; init; }

    /// <summary>The event carried an <c>approval_id</c>.</summary>
    public bool HasApproval { get; init; }

    public long? BytesOut { get; init; }

    /// <summary>Bytes out well above the agent's normal, as judged by the engine.</summary>
    public bool LargeTransfer { get; init; }
}
