namespace Detector.Simulation.Tests;

/// <summary>
/// A small fleet run once per test collection: 21 agents (about three per role), three history and
/// three test days, and a raised attack rate so every scenario occurs several times.
/// </summary>
public sealed class SmallFleet
{
    public static SimulationOptions Options() => new() { Seed = 7, Agents = 21, HistoryDays = 3, TestDays = 3, AttackRate = 0.1 };

    internal SimulationRun Run { get; } = SimulationRun.Execute(Options());
}
