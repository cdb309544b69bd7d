using System.Globalization;
using System.Text;
using Detector.Domain.Events;

namespace Detector.Scoring.Rules;

/// <summary>
/// Analyst text for a match: what each matched step did, in order, naming only the facts its rule
/// step tested (those are why it matched). Runs only when a rule reports, so it may allocate.
/// </summary>
internal static class RuleText
{
    public static string Describe(in RuleMatch match)
    {
        var text = new StringBuilder();
        var steps = match.Steps;
        int i = 0;
        while (i < steps.Count)
        {
            // Repetitions of one pattern step read as one phrase: "changed privileges 3 times, at steps 5, 6 and 8".
            var expected = match.Rule.Expected(i);
            int end = i + 1;
            while (end < steps.Count && ReferenceEquals(match.Rule.Expected(end), expected))
                end++;
            if (i > 0)
                text.Append(", then ");
            Phrase(text, expected, steps, i, end);
            i = end;
        }
        if (match.Stage == RuleStage.Partial)
            text.Append(" (one step short of the full chain)");
        return text.ToString();
    }

    private static void Phrase(StringBuilder text, RuleStep expected, IReadOnlyList<MatchedStep> steps, int from, int to)
    {
        var f = steps[from].Facts;
        text.Append(Verb(f.Action));
        if (expected.Constrains(FactField.Sensitivity))
            text.Append(' ').Append(f.Sensitivity.WireName()).Append(" data");
        if (expected.Constrains(FactField.LargeTransfer))
            text.Append(f.LargeTransfer ? " a large volume" + Bytes(f.BytesOut) : " a usual volume");
        if (expected.Constrains(FactField.Destination))
            text.Append(Destination(f.Destination));
        if (expected.Constrains(FactField.ForeignTenant))
            text.Append(f.ForeignTenant ? " in a tenant this agent does not work in" : " in one of its tenants");
        if (expected.Constrains(FactField.Delegated))
            text.Append(f.Delegated ? " in a delegated session" : " in its own session");
        if (expected.Constrains(FactField.OutsideParentIntent))
            text.Append(f.OutsideParentIntent ? " outside the parent session's intent" : " within the parent session's intent");
        if (expected.Constrains(FactField.Credential))
            text.Append(Credential(f.Credential));
        if (expected.Constrains(FactField.NewTool))
            text.Append(f.NewTool ? " with a tool new for this agent (" : " with a familiar tool (").Append(f.Tool).Append(')');
        else if (expected.Tool is not null)
            text.Append(" with ").Append(f.Tool);
        if (expected.Constrains(FactField.RareAction))
            text.Append(f.RareAction ? ", an action this agent almost never takes," : ", an action usual for this agent,");
        if (expected.Constrains(FactField.GrowingDoses))
            text.Append(f.GrowingDoses ? ", the latest of growing sends to a young destination," : "");
        if (expected.Constrains(FactField.Outcome))
            text.Append(" (").Append(f.Outcome.WireName()).Append(')');
        Steps(text, steps, from, to);
        if (expected.Constrains(FactField.Approval))
            text.Append(f.HasApproval ? " with approval" : " without approval");
    }

    private static string Verb(ToolAction action) => action switch
    {
        ToolAction.Read => "read",
        ToolAction.Write => "wrote",
        ToolAction.Execute => "ran a tool",
        ToolAction.Transfer => "transferred",
        ToolAction.Privilege => "changed privileges",
        _ => "acted",
    };

    private static string Destination(DestinationClass d) => d switch
    {
        DestinationClass.Established => " to an established destination",
        DestinationClass.Young => " to a destination seen only recently",
        DestinationClass.NewForAgent => " to a destination new for this agent",
        DestinationClass.NewForPeers => " to a destination new for this agent and its peers",
        _ => " with no destination",
    };

    private static string Credential(CredentialStatus c) => c switch
    {
        CredentialStatus.Valid => " with a valid credential",
        CredentialStatus.Expired => " with an expired credential",
        CredentialStatus.Foreign => " with a credential bound to another agent or session",
        CredentialStatus.Stale => " with a credential of a session idle past its timeout",
        _ => " without a credential",
    };

    private static string Bytes(long? bytes) =>
        bytes is long b ? string.Create(CultureInfo.InvariantCulture, $" ({b:#,0} bytes)") : "";

    private static void Steps(StringBuilder text, IReadOnlyList<MatchedStep> steps, int from, int to)
    {
        int count = to - from;
        if (count == 1)
        {
            text.Append(CultureInfo.InvariantCulture, $" at step {steps[from].Step}");
            return;
        }
        text.Append(CultureInfo.InvariantCulture, $" {count} times, at steps ");
        for (int i = from; i < to; i++)
        {
            if (i > from)
                text.Append(i == to - 1 ? " and " : ", ");
            text.Append(steps[i].Step.ToString(CultureInfo.InvariantCulture));
        }
    }
}
