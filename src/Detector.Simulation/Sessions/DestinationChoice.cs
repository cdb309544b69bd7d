namespace Detector.Simulation.Sessions;

/// <summary>Where a step's destination comes from.</summary>
internal enum DestinationChoice : byte
{
    /// <summary>The agent's usual destinations (or, at the tool's routine rate, a one-off new one).</summary>
    Usual = 0,
    /// <summary>A never-seen destination that is not kept.</summary>
    Fresh = 1,
    /// <summary>A never-seen destination the agent keeps using afterwards (a new vendor).</summary>
    Adopt = 2,
    /// <summary>The value in <see cref="Step.FixedDestination"/>.</summary>
    Fixed = 3,
}
