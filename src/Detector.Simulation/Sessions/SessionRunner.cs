using Detector.Domain.Time;
using Detector.Simulation.Output;
using Detector.Simulation.Schedule;

namespace Detector.Simulation.Sessions;

/// <summary>Composes and emits planned sessions and the sub-agent sessions they start, and records test labels.</summary>
internal sealed class SessionRunner(SessionComposer composer, SessionEmitter emitter)
{
    public List<LabelRecord> Labels { get; } = [];

    public int HistorySessions { get; private set; }

    public void Run(SessionPlan plan, OrderedEventSink sink) => Emit(composer.Compose(plan), sink);

    private EventTime Emit(SessionDraft draft, OrderedEventSink sink)
    {
        var result = emitter.Emit(draft, sink, (order, start) => Emit(composer.ComposeChild(draft, order, start), sink));
        if (draft.Labelled)
            Labels.Add(new LabelRecord(draft.SessionId, draft.Agent.Id, draft.Malicious, draft.Scenario, draft.Malicious ? result.FinalEventId : null, draft.Start));
        else
            HistorySessions++;
        return result.End;
    }
}
