using Detector.Domain.Time;
using Detector.Simulation.Fleet;

namespace Detector.Simulation.Sessions;

/// <summary>A composed session, ready to emit: identity, context, planned steps and its label.</summary>
internal sealed class SessionDraft
{
    public required Agent Agent { get; init; }

    public required string SessionId { get; init; }

    public required EventTime Start { get; init; }

    public required string Tenant { get; init; }

    public required string Intent { get; init; }

    public required string Sponsor { get; init; }

    public required StepScope Scope { get; init; }

    public required List<Step> Steps { get; init; }

    public required string Scenario { get; init; }

    public required bool Malicious { get; init; }

    /// <summary>In the test period, so it gets a label line.</summary>
    public required bool Labelled { get; init; }

    /// <summary>Keys the random stream of sub-agent sessions this one starts.</summary>
    public required ulong Key { get; init; }

    public Agent? ParentAgent { get; init; }

    public string? ParentSessionId { get; init; }
}
