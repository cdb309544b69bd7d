using Detector.Domain.Events;
using Detector.Simulation.Sessions;

namespace Detector.Simulation.Catalog;

/// <summary>
/// One tool as a role uses it. A tool name used by several roles keeps its action, destination kind
/// and argument names everywhere; only the resource pattern differs (each role touches its own data).
/// </summary>
internal sealed class ToolSpec
{
    public required string Name { get; init; }

    public required ToolAction Action { get; init; }

    /// <summary>Resource pattern; null for tools that act on no addressable resource.</summary>
    public Func<StepScope, string>? Resource { get; init; }

    /// <summary>True when the resource embeds the tenant, so another tenant's data looks different.</summary>
    public bool TenantScoped { get; init; }

    public SensitivityMix Sensitivity { get; init; } = SensitivityMix.InternalOnly;

    public DestinationKind Destination { get; init; }

    /// <summary>Share of calls that go to a never-seen destination as a matter of course (e.g. mail to new customers).</summary>
    public double FreshDestinationRate { get; init; }

    public IReadOnlyList<ArgSpec> Arguments { get; init; } = [];

    /// <summary>Median latency; the spread is log-normal.</summary>
    public double LatencyMs { get; init; } = 150;

    /// <summary>Median bytes sent; the spread is log-normal with <see cref="BytesSigma"/>.</summary>
    public double BytesOut { get; init; } = 600;

    public double BytesSigma { get; init; } = 0.5;

    public double ErrorRate { get; init; } = 0.012;

    public double DenyRate { get; init; } = 0.003;

    /// <summary>Share of calls that carry an approval id routinely (change tickets, payment approvals).</summary>
    public double ApprovalRate { get; init; }

    /// <summary>Moves data or money out of the organisation (not a chat channel or another agent).</summary>
    public bool IsExternalTransfer => Action == ToolAction.Transfer
        && Destination is DestinationKind.Email or DestinationKind.Host or DestinationKind.Webhook or DestinationKind.Account;

    public override string ToString() => Name;
}
