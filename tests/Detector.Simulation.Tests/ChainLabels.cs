namespace Detector.Simulation.Tests;

/// <summary>Which malicious labels name a final event: every multi-step chain, not a misused credential or an earlier poisoning dose.</summary>
internal static class ChainLabels
{

    /// <summary>The label's final event id is present exactly where a chain ends (a poisoning campaign's final dose, not its earlier doses).</summary>
    public static bool HasConsistentFinal(Label label) => !label.Malicious
        ? label.FinalEventId is null
        : label.Scenario switch
        {
            "credential_misuse" or "slow_poisoning_dose" => label.FinalEventId is null,
            _ => label.FinalEventId is not null,
        };
}
