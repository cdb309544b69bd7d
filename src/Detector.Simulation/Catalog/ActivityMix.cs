namespace Detector.Simulation.Catalog;

/// <summary>How a role's agents split between daily shapes.</summary>
internal readonly record struct ActivityMix(double BusinessHours, double AroundTheClock, double Nightly);
