using Detector.Simulation;
using FsCheck;
using FsCheck.Fluent;

namespace Detector.Scoring.Tests.Detectors;

/// <summary>Small simulated fleets with a raised attack rate, so every case has attacks to alert on.</summary>
internal static class SmallFleets
{
    public static Arbitrary<SimulationOptions> Arbitrary { get; } =
        (from seed in Gen.Choose(1, 1_000_000)
         from agents in Gen.Choose(8, 14)
         from historyDays in Gen.Choose(2, 3)
         from attackRate in Gen.Elements(0.1, 0.2)
         select new SimulationOptions { Seed = seed, Agents = agents, HistoryDays = historyDays, TestDays = 1, AttackRate = attackRate }).ToArbitrary();
}
