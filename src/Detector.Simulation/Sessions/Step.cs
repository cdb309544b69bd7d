using Detector.Domain.Events;
using Detector.Simulation.Catalog;

namespace Detector.Simulation.Sessions;

/// <summary>
/// One planned tool call. Defaults describe ordinary work; benign variations and attacks change
/// only these knobs, and the emitter renders every step the same way, so values stay in-distribution.
/// </summary>
internal sealed class Step(ToolSpec tool)
{
    public ToolSpec Tool { get; } = tool;

    public Pace Pace { get; set; }

    /// <summary>A forced outcome; null draws from the tool's error and deny rates (and retries errors).</summary>
    public Outcome? Outcome { get; set; }

    /// <summary>Same resource, destination and arguments as the previous call (a retry).</summary>
    public bool RepeatPrevious { get; set; }

    /// <summary>Another tenant than the session's (scope drift).</summary>
    public string? Tenant { get; set; }

    public DestinationChoice Destination { get; set; }

    public string? FixedDestination { get; set; }

    /// <summary>Lowest classification to draw (within the tool's own mix).</summary>
    public Sensitivity MinSensitivity { get; set; } = Sensitivity.Unknown;

    /// <summary>Multiplies the tool's usual bytes sent.</summary>
    public double BytesFactor { get; set; } = 1;

    /// <summary>Bytes sent, when the attack decides them exactly (before <see cref="BytesFactor"/>, which then does not apply).</summary>
    public long? Bytes { get; set; }

    /// <summary>Forces an approval id on or off; null uses the tool's routine rate.</summary>
    public bool? Approval { get; set; }

    public CredentialDirective Credential { get; set; }

    /// <summary>The damaging step.</summary>
    public bool IsFinal { get; set; }

    /// <summary>
    /// Whether the damaging step ends a multi-step chain, so the label names it as final_event_id (the
    /// step an alert should come before); a single damaging step (a misused credential, one dose of a
    /// campaign) has nothing before it to warn on, and its label leaves final_event_id null.
    /// </summary>
    public bool EndsChain { get; set; } = true;

    public DelegationOrder? Delegation { get; set; }
}
