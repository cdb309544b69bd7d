using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.Domain.Time;

namespace Detector.Web.ReadModel;

/// <summary>
/// What crosses from the pipeline (or an API reader) to the read model's single writer: the few fields
/// of a scored event it aggregates (references to the parser's immutable strings, no copies), or an
/// alert, a signal, a tick, a flush or a query as <see cref="Payload"/>. A struct, so the scoring
/// thread's handoff allocates nothing.
/// </summary>
internal readonly record struct Observation(
    ObservationKind Kind,
    AgentId Agent,
    SessionId Session,
    string Tool,
    string? Destination,
    ToolAction Action,
    Outcome Outcome,
    long BytesOut,
    EventTime Time,
    double Risk,
    object? Payload)
{
    public static Observation Of(ObservationKind kind, object? payload) => new(kind, default, default, "", null, default, default, 0, default, 0, payload);
}
