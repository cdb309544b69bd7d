using System.Globalization;
using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Pipeline.Enforcement.Signing;

namespace Detector.Pipeline.Enforcement;

/// <summary>
/// Builds the <c>release</c> signal an analyst's decision produces (a quarantine marked as a false
/// positive): same CloudEvents envelope and signature as the detector's own signals, so the broker
/// verifies it the same way. Its id is derived from what was released, by whom and when, so retrying a
/// publication does not release twice.
/// </summary>
public sealed class QuarantineReleases(QuarantineOptions options, ISignalSigner? signer, TimeProvider clock)
{
    /// <param name="session">The session whose action is lifted; empty lifts the agent's quarantine.</param>
    /// <param name="alertIds">The alerts the released action answered, for the broker's audit trail.</param>
    public QuarantineSignal Release(AgentId agent, SessionId session, string analyst, string reason, IReadOnlyList<string> alertIds, string modelVersion)
    {
        if (agent.IsEmpty)
            throw new ArgumentException("a release names an agent", nameof(agent));
        if (string.IsNullOrWhiteSpace(analyst) || string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("a release names the analyst and the reason");
        var now = EventTime.FromDateTimeOffset(clock.GetUtcNow());
        var order = new QuarantineOrder(
            agent,
            session,
            QuarantineAction.Release,
            [],
            alertIds.ToArray(),
            Severity.Low,
            $"released by {analyst}: {reason}",
            now + options.DurationOf(QuarantineAction.Release),
            modelVersion);
        string id = DeterministicId.Create("release", agent.Value, session.Value, analyst, reason, now.UtcTicks.ToString(CultureInfo.InvariantCulture));
        var signal = new QuarantineSignal(id, options.Source, now, order);
        return signer is null ? signal : signer.Sign(signal);
    }
}
