namespace Detector.Simulation.Sessions;

/// <summary>How long an agent waits before a step.</summary>
internal enum Pace : byte
{
    /// <summary>Model think time: seconds, now and then a long pause for a human or an approval.</summary>
    Normal = 0,
    /// <summary>Batch job: sub-second to a couple of seconds.</summary>
    Batch = 1,
    /// <summary>Exponential back-off after an error.</summary>
    Retry = 2,
    /// <summary>A stuck loop: as fast as the tool answers.</summary>
    Runaway = 3,
}
