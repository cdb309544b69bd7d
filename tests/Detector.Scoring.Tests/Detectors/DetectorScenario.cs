using Detector.Domain.Events;
using Detector.Domain.Identity;
using Detector.TestSupport;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>
/// A known-answer case: a scripted history the model is trained on (the agents' established habits),
/// then test events replayed against it. <see cref="Subject"/> is the agent whose test sessions the
/// case is about (by default the agent of the last test event).
/// </summary>
internal sealed record DetectorScenario(IReadOnlyList<ToolEvent> History, IReadOnlyList<ToolEvent> Test)
{
    public AgentId Subject { get; init; } = Test[^1].Agent;

    /// <summary>A scenario from a seeded history script and a test script.</summary>
    public static DetectorScenario Of(Action<EventScript, Random> history, Action<EventScript, Random> test, int seed = 20260105)
    {
        var past = new EventScript("h");
        history(past, new Random(seed));
        var now = new EventScript("t");
        test(now, new Random(seed + 1));
        return new DetectorScenario(past.Events, now.Events);
    }
}
