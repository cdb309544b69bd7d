using System.Globalization;
using System.Text;
using Detector.Domain.Events;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Scoring.Evidence;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Alerts;

/// <summary>
/// Builds an alert from a session's evidence: its kind is the strongest evidence kind, its evidence
/// chain the steps that carried evidence (in order, the triggering event last), its explanation a
/// sentence per kind, strongest first, naming the baseline it deviated from.
/// </summary>
public sealed class AlertFactory(string modelVersion)
{
    public Alert Create(SessionState session, AgentProfile agent, ToolEvent trigger, EventTime detectedAt, Severity severity, double risk)
    {
        var evidence = session.Evidence;
        int strongest = 0;
        for (int i = 1; i < evidence.KindCount; i++)
        {
            if (evidence.BestAt(i).PValue < evidence.BestAt(strongest).PValue)
                strongest = i;
        }
        var kind = evidence.BestAt(strongest).Kind;
        // A completed policy rule names the alert; otherwise the strongest evidence kind does.
        string kindName = RuleKind(evidence) ?? kind.WireName();

        var steps = new List<EvidenceStep>(evidence.Steps.Count + 1);
        foreach (var s in evidence.Steps.OrderBy(s => s.Step))
        {
            if (s.EventId != trigger.EventId)
                steps.Add(new EvidenceStep(s.EventId, s.Time, s.Tool, s.Action, FindingText.Describe(s.Finding)));
        }
        steps.Add(new EvidenceStep(trigger.EventId, trigger.Time, trigger.Tool, trigger.Action.WireName(), TriggerNote(evidence, trigger.EventId)));

        var features = new List<Feature>(evidence.KindCount + 5)
        {
            new("session_risk", risk),
            new("session_steps", session.Steps),
            new("agent_events", agent.Events),
            new("agent_active_days", agent.ActiveDays),
        };
        for (int i = 0; i < evidence.KindCount; i++)
        {
            var b = evidence.BestAt(i);
            features.Add(new Feature(b.Kind.WireName() + "_neglog10_p", -Math.Log10(b.PValue)));
        }

        string alertId = DeterministicId.Create("alert", session.Key.Agent.Value, session.Key.Session.Value, kindName, severity.WireName(), trigger.EventId);
        return new Alert(alertId, trigger.Time, detectedAt, session.Key.Agent, session.Key.Session, kindName, severity, risk,
            steps, Explain(session, agent, kind, severity), features, modelVersion);
    }

    /// <summary>The id of the most severe completed policy rule in the session, if any (its finding's subject starts with it).</summary>
    private static string? RuleKind(SessionEvidence evidence)
    {
        EvidenceStepRecord? best = null;
        foreach (var s in evidence.Steps)
        {
            if (s.Finding.Kind == EvidenceKind.PolicyRule && s.Finding.Basis > 0 && (best is null || s.Finding.Basis > best.Value.Finding.Basis))
                best = s;
        }
        return best?.Finding.Subject is { } subject && subject.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? subject[..colon] : null;
    }

    private static string TriggerNote(SessionEvidence evidence, string eventId)
    {
        var notes = evidence.Steps.Where(s => s.EventId == eventId).Select(s => FindingText.Describe(s.Finding)).ToList();
        return notes.Count > 0 ? string.Join("; ", notes) : "session risk crossed the threshold at this step";
    }

    private static string Explain(SessionState session, AgentProfile agent, EvidenceKind lead, Severity severity)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Capitalize(severity.WireName())} risk in session {session.Key.Session} of {session.Key.Agent}: ");
        var byStrength = session.Evidence.Steps.OrderBy(s => s.Finding.PValue).ToList();
        var leadStep = byStrength.First(s => s.Finding.Kind == lead);
        sb.Append(FindingText.Describe(leadStep.Finding)).Append(" at step ").Append(leadStep.Step.ToString(CultureInfo.InvariantCulture)).Append('.');
        var others = byStrength.Where(s => s.Finding.Kind != lead).DistinctBy(s => s.Finding.Kind).Take(3).ToList();
        if (others.Count > 0)
        {
            sb.Append(" Also: ");
            sb.AppendJoin("; ", others.Select(s => $"{FindingText.Describe(s.Finding)} at step {s.Step.ToString(CultureInfo.InvariantCulture)}"));
            sb.Append('.');
        }
        sb.Append(CultureInfo.InvariantCulture, $" Baseline: {agent.Events:#,0} events over {agent.ActiveDays} active days.");
        return sb.ToString();
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
