namespace Detector.Simulation.Catalog;

/// <summary>Shape of an agent's day.</summary>
internal enum ActivityStyle : byte
{
    BusinessHours = 0,
    AroundTheClock = 1,
    Nightly = 2,
}
