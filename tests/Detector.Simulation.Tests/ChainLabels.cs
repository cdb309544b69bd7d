namespace Detector.Simulation.Tests;

/// <summary>Which malicious labels name a final event: every multi-step chain, not a misused credential or a single poisoning dose.</summary>
internal static class ChainLabels
{

    /// <summary>The label's final event id is present exactly where a chain ends (slow poisoning names only its final dose).</summary>
    public static bool HasConsistentFinal(Label label) => !label.Malicious
        ? label.FinalEventId is null
        : label.Scenario switch
        {
            "credential_misuse" => label.FinalEventId is null,
            "slow_poisoning" => true,
            _ => label.FinalEventId is not null,
        };
}
