using Detector.Simulation.Fleet;
using Detector.Simulation.Output;
using Detector.Simulation.Randomness;
using Detector.Simulation.Schedule;
using Detector.Simulation.Sessions;

namespace Detector.Simulation;

/// <summary>
/// Generates tool-invocation telemetry of a fleet of AI agents: benign history, then a test period
/// of the same fleet with labelled attacks. Deterministic: the same options give byte-identical streams.
/// </summary>
public sealed class FleetSimulator
{
    private readonly SimulationOptions _options;

    public FleetSimulator(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Copy();
    }

    /// <summary>
    /// Writes history.jsonl, events.jsonl and labels.jsonl content to the three streams (left open).
    /// A session goes wholly to the file of the period it starts in, so the last history sessions
    /// may end a few minutes into the test period.
    /// </summary>
    /// <param name="progress">Share of simulated days done, 0..1, reported once per day.</param>
    public SimulationSummary Run(Stream history, Stream events, Stream labels, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(labels);
        var o = _options;
        var fleet = FleetBuilder.Build(o.Seed, o.Agents);
        var timeline = new Timeline(o.Start, o.HistoryDays, o.TestDays);
        var schedule = new SessionSchedule(fleet, timeline, o.Seed);
        AttackPlanner.Assign(schedule.TestDays, fleet, o.AttackRate, o.Seed);

        var ids = new IdSource(o.Seed);
        var runner = new SessionRunner(
            new SessionComposer(fleet, timeline, ids, o.Seed),
            new SessionEmitter(ids, new CredentialLedger(), new EventJsonWriter(o.MinimalFields)));
        var noise = o.NoiseRate > 0 ? new NoiseInjector(Rng.Derive(o.Seed, StreamPurpose.Noise), o.NoiseRate) : null;
        var historySink = new OrderedEventSink(history, null);
        var testSink = new OrderedEventSink(events, noise);
        for (int day = 0; day < timeline.TotalDays; day++)
        {
            var sink = timeline.IsTestDay(day) ? testSink : historySink;
            foreach (var plan in schedule.Day(day))
                runner.Run(plan, sink);
            if (day == timeline.HistoryDays - 1)
                historySink.FlushAll();
            else
                sink.FlushBefore(timeline.DayStart(day + 1));
            progress?.Report((day + 1.0) / timeline.TotalDays);
        }
        testSink.FlushAll();
        LabelJsonWriter.Write(labels, runner.Labels);

        var scenarios = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in runner.Labels)
            scenarios[label.Scenario] = scenarios.GetValueOrDefault(label.Scenario) + 1;
        int malicious = runner.Labels.Count(l => l.Malicious);
        return new SimulationSummary(
            historySink.Lines, testSink.Lines, noise?.Lines ?? 0,
            runner.HistorySessions, runner.Labels.Count - malicious, malicious, scenarios,
            fleet.RolloutRole.Name, fleet.RolloutRole.RolloutTool.Name, timeline.RolloutAt.ToDateTimeOffset());
    }
}
