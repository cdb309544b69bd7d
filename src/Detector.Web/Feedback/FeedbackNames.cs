namespace Detector.Web.Feedback;

/// <summary>Wire names (lower case) of the feedback enums, for the API and the export.</summary>
public static class FeedbackNames
{
    public static string WireName(this Verdict verdict) => verdict == Verdict.Confirmed ? "confirmed" : "false_positive";

    public static bool TryParseVerdict(string? text, out Verdict verdict)
    {
        verdict = text switch
        {
            "confirmed" or "confirm" => Verdict.Confirmed,
            "false_positive" => Verdict.FalsePositive,
            _ => 0,
        };
        return verdict != 0;
    }

    public static string WireName(this SuppressionScope scope) => scope switch
    {
        SuppressionScope.Agent => "agent",
        SuppressionScope.Tool => "tool",
        SuppressionScope.Destination => "destination",
        _ => "kind",
    };

    public static bool TryParseScope(string? text, out SuppressionScope scope)
    {
        scope = text switch
        {
            "agent" => SuppressionScope.Agent,
            "tool" => SuppressionScope.Tool,
            "destination" => SuppressionScope.Destination,
            "kind" => SuppressionScope.Kind,
            _ => 0,
        };
        return scope != 0;
    }
}
