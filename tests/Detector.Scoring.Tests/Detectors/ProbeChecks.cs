namespace Detector.Scoring.Tests.Detectors;

/// <summary>The extra checks a probe makes besides scoring once.</summary>
[Flags]
internal enum ProbeChecks
{
    None = 0,

    /// <summary>Score a second time without learning in between.</summary>
    Repeat = 1,

    /// <summary>Compare the agent's profile and every peer group, serialised, before and after scoring.</summary>
    Baselines = 2,
}
