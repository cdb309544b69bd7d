using Detector.Domain.Events;
using Detector.Domain.Time;
using Detector.Simulation.Catalog;
using Detector.Simulation.Naming;
using Detector.Simulation.Output;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Sessions;

/// <summary>
/// Turns a composed session into events: timing, outcomes and retries, credentials and renewals,
/// rendered resources, destinations and arguments, and a few late deliveries. Every step, benign or
/// not, goes through the same code, so attacks differ only in what their steps ask for.
/// </summary>
internal sealed class SessionEmitter(IdSource ids, CredentialLedger ledger, EventJsonWriter json)
{
    private static readonly TimeSpan RenewLead = TimeSpan.FromSeconds(60);
    private const double LateRenewalShare = 0.03;
    private const double LateDeliveryShare = 0.003;
    private const double RetryChance = 0.8;
    private const int MaxRetries = 3;

    /// <param name="runChild">Runs a delegated child session starting at the given time and returns when it ended.</param>
    public SessionResult Emit(SessionDraft draft, OrderedEventSink sink, Func<DelegationOrder, EventTime, EventTime> runChild)
    {
        var rng = draft.Scope.Rng;
        var e = new SimEvent
        {
            AgentId = draft.Agent.Id,
            SessionId = draft.SessionId,
            Intent = draft.Intent,
            Sponsor = draft.Sponsor,
            ParentAgentId = draft.ParentAgent?.Id,
            ParentSessionId = draft.ParentSessionId,
        };
        var credential = StartCredential(draft, rng);
        EventTime t = draft.Start;
        EventTime resumeAt = draft.Start;
        double latency = 0;
        int retryRun = 0;
        string? finalEventId = null;
        for (int i = 0; i < draft.Steps.Count; i++)
        {
            var step = draft.Steps[i];
            retryRun = step.RepeatPrevious ? retryRun + 1 : 0;
            if (i > 0)
                t = Advance(t, latency, Gap(step.Pace, retryRun, rng));
            if (resumeAt > t)
                t = Advance(resumeAt, 0, Gap(Pace.Normal, 0, rng));
            t = ApplyCredential(step, credential, draft, t, rng);
            if (i == 0 || !step.RepeatPrevious)
                Render(step, draft, e, t, rng);
            e.Outcome = step.Outcome ?? DrawOutcome(step.Tool, rng);
            latency = Write(e, step, t, credential, sink, rng);
            if (step.IsFinal && step.EndsChain)
                finalEventId = e.EventId;
            for (int retry = 1; step.Outcome is null && e.Outcome == Outcome.Error && retry <= MaxRetries && rng.Chance(RetryChance); retry++)
            {
                t = Advance(t, latency, Gap(Pace.Retry, retry, rng));
                t = ApplyCredential(step, credential, draft, t, rng);
                e.Outcome = DrawOutcome(step.Tool, rng);
                latency = Write(e, step, t, credential, sink, rng);
            }
            if (step.Delegation is { } order && e.Outcome == Outcome.Success)
                resumeAt = runChild(order, Advance(t, latency, TimeSpan.FromSeconds(rng.Uniform(0.3, 2))));
        }
        var end = Advance(t, latency, TimeSpan.Zero);
        foreach (var issued in credential.Issued)
            issued.SessionEnd = end;
        return new SessionResult(end, finalEventId);
    }

    private void Render(Step step, SessionDraft draft, SimEvent e, EventTime t, Rng rng)
    {
        var tool = step.Tool;
        var scope = draft.Scope;
        scope.Time = t;
        scope.Tenant = step.Tenant ?? draft.Tenant;
        string? destination = ResolveDestination(step, draft, rng);
        scope.Destination = destination ?? "";
        e.Tool = tool.Name;
        e.Action = tool.Action;
        e.Resource = tool.Resource?.Invoke(scope);
        e.Destination = destination;
        e.Tenant = scope.Tenant;
        e.Sensitivity = tool.Sensitivity.DrawAtLeast(step.MinSensitivity, rng);
        e.Arguments.Clear();
        foreach (var argument in tool.Arguments)
            e.Arguments.Add(new SimArgument(argument.Name, argument.Value(scope)));
        e.ApprovalId = (step.Approval ?? rng.Chance(tool.ApprovalRate)) ? ids.NextApproval() : null;
    }

    private static string? ResolveDestination(Step step, SessionDraft draft, Rng rng)
    {
        var kind = step.Tool.Destination;
        if (kind == DestinationKind.None)
            return null;
        if (kind == DestinationKind.Agent)
            return step.Delegation?.Child.Id;
        var book = draft.Agent.Destinations;
        switch (step.Destination)
        {
            case DestinationChoice.Fixed:
                return step.FixedDestination;
            case DestinationChoice.Fresh:
                return DestinationForge.Fresh(kind, rng);
            case DestinationChoice.Adopt:
                string adopted = DestinationForge.Fresh(kind, rng);
                book.Adopt(kind, adopted);
                return adopted;
            default:
                if (rng.Chance(step.Tool.FreshDestinationRate))
                    return DestinationForge.Fresh(kind, rng);
                string? usual = book.PickKnown(kind, rng);
                if (usual is not null)
                    return usual;
                string first = DestinationForge.Fresh(kind, rng);
                book.Adopt(kind, first);
                return first;
        }
    }

    /// <summary>Writes one event for the current rendering and returns its latency in milliseconds.</summary>
    private double Write(SimEvent e, Step step, EventTime t, CredentialState credential, OrderedEventSink sink, Rng rng)
    {
        var tool = step.Tool;
        e.EventId = ids.NextEvent();
        e.Time = t;
        e.CredentialId = credential.Current.Id;
        e.CredentialExpiresAt = credential.Current.ExpiresAt;
        // Failures tend to be slow (timeouts); denials are fast.
        double factor = e.Outcome switch { Outcome.Error => 2.5, Outcome.Denied => 0.4, _ => 1 };
        e.LatencyMs = Math.Round(rng.LogNormal(tool.LatencyMs, 0.6) * factor, 1);
        e.BytesOut = step.Bytes ?? Math.Max(16, (long)Math.Round(rng.LogNormal(tool.BytesOut, tool.BytesSigma) * step.BytesFactor));
        var emitAt = rng.Chance(LateDeliveryShare) ? t + TimeSpan.FromMilliseconds(rng.Between(1_000, 20_000)) : t;
        sink.Add(emitAt, json.Write(e));
        return e.LatencyMs;
    }

    private CredentialState StartCredential(SessionDraft draft, Rng rng)
    {
        var lead = rng.Chance(LateRenewalShare) ? -TimeSpan.FromSeconds(rng.Uniform(1, 20)) : RenewLead;
        if (draft.Steps.Count > 0 && draft.Steps[0].Credential == CredentialDirective.Replay)
        {
            var old = ledger.PickStale(draft.Agent.Index, draft.Start, rng) ?? ledger.PickForeign(draft.Agent.Index, draft.Start, rng);
            if (old is not null)
                return new CredentialState(old, lead) { Frozen = true };
        }
        var state = new CredentialState(Issue(draft, draft.Start, rng), lead);
        state.Issued.Add(state.Current);
        return state;
    }

    private EventTime ApplyCredential(Step step, CredentialState state, SessionDraft draft, EventTime t, Rng rng)
    {
        if (step.Credential == CredentialDirective.Foreign && !state.Frozen)
        {
            var foreign = ledger.PickForeign(draft.Agent.Index, t, rng);
            if (foreign is not null)
                state.Current = foreign;
            state.Frozen = true;
        }
        // A replay with nothing to replay, or a theft with nothing to steal, still misuses: it lets the credential lapse.
        bool lapse = step.Credential == CredentialDirective.LetExpire
            || (step.Credential != CredentialDirective.None && state.Current.SessionId == draft.SessionId);
        if (lapse)
        {
            state.Frozen = true;
            var late = state.Current.ExpiresAt + TimeSpan.FromMinutes(rng.Uniform(3, 90));
            return late > t ? Truncate(late) : t;
        }
        if (!state.Frozen && t >= state.Current.ExpiresAt - state.RenewLead)
        {
            state.Current = Issue(draft, t, rng);
            state.Issued.Add(state.Current);
        }
        return t;
    }

    private IssuedCredential Issue(SessionDraft draft, EventTime at, Rng rng)
    {
        var expires = at + TimeSpan.FromSeconds(Math.Round(rng.Uniform(15, 60) * 60));
        return ledger.Issue(ids.NextCredential(), draft.Agent.Index, draft.SessionId, at, new EventTime(expires.UtcTicks - expires.UtcTicks % TimeSpan.TicksPerSecond));
    }

    private static Outcome DrawOutcome(ToolSpec tool, Rng rng)
    {
        double u = rng.NextDouble();
        return u < tool.ErrorRate ? Outcome.Error : u < tool.ErrorRate + tool.DenyRate ? Outcome.Denied : Outcome.Success;
    }

    private static TimeSpan Gap(Pace pace, int retryRun, Rng rng) => pace switch
    {
        Pace.Batch => TimeSpan.FromSeconds(Math.Clamp(rng.LogNormal(0.45, 0.5), 0.05, 10)),
        Pace.Retry => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Max(0, retryRun - 1))) * rng.Uniform(0.8, 1.2)),
        Pace.Runaway => TimeSpan.FromSeconds(Math.Clamp(rng.LogNormal(0.25, 0.5), 0.02, 3)),
        // Mostly seconds of model think time; now and then a pause for a human or an approval.
        _ => rng.Chance(0.015)
            ? TimeSpan.FromMinutes(rng.Uniform(3, 25))
            : TimeSpan.FromSeconds(Math.Clamp(rng.LogNormal(2.8, 0.9), 0.15, 300)),
    };

    private static EventTime Advance(EventTime t, double latencyMs, TimeSpan gap) => Truncate(t + TimeSpan.FromMilliseconds(latencyMs) + gap);

    /// <summary>Event times carry milliseconds, as most collectors do.</summary>
    private static EventTime Truncate(EventTime t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond);
}
