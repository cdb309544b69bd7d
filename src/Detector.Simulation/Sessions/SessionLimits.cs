
namespace Detector.Simulation.Sessions;

/// <summary>Step counts of benign sessions; a runaway loop is measured against the role's ceiling.</summary>
internal static class SessionLimits
{
    public const int NormalMin = 3;
    public const int NormalMax = 40;
    public const int LongMin = 41;
    public const int LongMax = 55;
    public const int BatchMin = 15;
    public const int BatchMax = 45;

    /// <summary>The most steps a benign session plans (retries add a few events on top).</summary>
    public const int BenignCeiling = LongMax;
}
