using Detector.Simulation.Catalog;

namespace Detector.Simulation.Output;

/// <summary>One rendered argument of an event.</summary>
internal readonly record struct SimArgument(string Name, ArgValue Value);
