namespace Detector.Simulation.Schedule;

/// <summary>The planned shape of a benign session; the hard cases a naive detector mistakes for attacks.</summary>
internal enum BenignVariation : byte
{
    Normal = 0,
    /// <summary>Sends to a destination the agent never used, which it then keeps using.</summary>
    NewVendor = 1,
    /// <summary>A run of failing calls to one tool, backing off, until one succeeds.</summary>
    RetryStorm = 2,
    /// <summary>A batch job: many fast calls.</summary>
    BatchBurst = 3,
    /// <summary>Far more steps than usual, with pauses and credential renewals.</summary>
    LongSession = 4,
}
