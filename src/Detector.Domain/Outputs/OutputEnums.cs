namespace Detector.Domain.Outputs;

/// <summary>Wire names of the output enums.</summary>
public static class OutputEnums
{
    public static string WireName(this Severity severity) => severity switch
    {
        Severity.Low => "low",
        Severity.Medium => "medium",
        Severity.High => "high",
        Severity.Critical => "critical",
        _ => "none",
    };

    public static bool TryParseSeverity(string text, out Severity severity)
    {
        severity = text switch
        {
            "low" => Severity.Low,
            "medium" => Severity.Medium,
            "high" => Severity.High,
            "critical" => Severity.Critical,
            "none" => Severity.None,
            _ => (Severity)255,
        };
        return severity != (Severity)255;
    }

    public static string WireName(this QuarantineAction action) => action switch
    {
        QuarantineAction.StepUp => "step_up",
        QuarantineAction.SuspendSession => "suspend_session",
        QuarantineAction.RevokeCredentials => "revoke_credentials",
        QuarantineAction.QuarantineAgent => "quarantine_agent",
        QuarantineAction.Release => "release",
        _ => "none",
    };

    public static bool TryParseAction(string text, out QuarantineAction action)
    {
        action = text switch
        {
            "step_up" => QuarantineAction.StepUp,
            "suspend_session" => QuarantineAction.SuspendSession,
            "revoke_credentials" => QuarantineAction.RevokeCredentials,
            "quarantine_agent" => QuarantineAction.QuarantineAgent,
            "release" => QuarantineAction.Release,
            "none" => QuarantineAction.None,
            _ => (QuarantineAction)255,
        };
        return action != (QuarantineAction)255;
    }
}
