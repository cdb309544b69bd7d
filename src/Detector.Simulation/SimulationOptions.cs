using Detector.Simulation.Catalog;

namespace Detector.Simulation;

/// <summary>Settings of one simulation run. Plain values with documented defaults; <see cref="Validate"/> once before use.</summary>
public sealed class SimulationOptions
{
    /// <summary>Seeds every random stream: the same options always give byte-identical output. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Fleet size, split between the roles (at least one agent each), at most 20,000 (the memory benchmark runs 10,000). Default 60.</summary>
    public int Agents { get; set; } = 60;

    /// <summary>Days of benign-only history (history.jsonl), at most 366. Default 14.</summary>
    public int HistoryDays { get; set; } = 14;

    /// <summary>Days of test traffic directly after the history (events.jsonl, labels.jsonl), at most 92. Default 7.</summary>
    public int TestDays { get; set; } = 7;

    /// <summary>Roughly the share of test sessions that are malicious, split evenly between the seven scenarios
    /// (at least one session each when positive). Default 0.02.</summary>
    public double AttackRate { get; set; } = 0.02;

    /// <summary>Midnight UTC on which the history begins. Default Monday 2026-01-05.</summary>
    public DateTimeOffset Start { get; set; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Write only event_id, time, agent_id, session_id and tool. Default false.</summary>
    public bool MinimalFields { get; set; }

    /// <summary>Share of garbled lines added to events.jsonl for pipeline demos; the real lines are unchanged. Default 0.</summary>
    public double NoiseRate { get; set; }

    public void Validate()
    {
        int roles = FleetCatalog.Roles.Count;
        if (Agents < roles || Agents > 20_000)
            throw new ArgumentOutOfRangeException(nameof(Agents), Agents, $"must be between {roles} (one per role) and 20000");
        if (HistoryDays is < 1 or > 366)
            throw new ArgumentOutOfRangeException(nameof(HistoryDays), HistoryDays, "must be between 1 and 366");
        // Test days are planned up front to place the attacks, so they bound the memory used.
        if (TestDays is < 1 or > 92)
            throw new ArgumentOutOfRangeException(nameof(TestDays), TestDays, "must be between 1 and 92");
        if (!(AttackRate is >= 0 and <= 0.5))
            throw new ArgumentOutOfRangeException(nameof(AttackRate), AttackRate, "must be between 0 and 0.5");
        if (!(NoiseRate is >= 0 and <= 0.5))
            throw new ArgumentOutOfRangeException(nameof(NoiseRate), NoiseRate, "must be between 0 and 0.5");
        if (Start.Offset != TimeSpan.Zero || Start.TimeOfDay != TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Start), Start, "must be a midnight in UTC (offset zero)");
        if (Start.Year < 2000 || Start.Year > 9000)
            throw new ArgumentOutOfRangeException(nameof(Start), Start, "must lie between the years 2000 and 9000");
    }

    internal SimulationOptions Copy() => (SimulationOptions)MemberwiseClone();
}
