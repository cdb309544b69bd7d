namespace Detector.Domain.Events;

/// <summary>Wire names (lower case, exact) of the event enums, parsed from UTF-8 without allocating.</summary>
public static class EventEnums
{
    public delegate bool TryParse<T>(ReadOnlySpan<byte> utf8, out T value);

    public static bool TryParseAction(ReadOnlySpan<byte> s, out ToolAction value)
    {
        value = s.Length switch
        {
            4 when s.SequenceEqual("read"u8) => ToolAction.Read,
            5 when s.SequenceEqual("write"u8) => ToolAction.Write,
            7 when s.SequenceEqual("execute"u8) => ToolAction.Execute,
            8 when s.SequenceEqual("transfer"u8) => ToolAction.Transfer,
            9 when s.SequenceEqual("privilege"u8) => ToolAction.Privilege,
            _ => ToolAction.Unknown,
        };
        return value != ToolAction.Unknown;
    }

    public static bool TryParseSensitivity(ReadOnlySpan<byte> s, out Sensitivity value)
    {
        value = s.Length switch
        {
            6 when s.SequenceEqual("public"u8) => Sensitivity.Public,
            8 when s.SequenceEqual("internal"u8) => Sensitivity.Internal,
            12 when s.SequenceEqual("confidential"u8) => Sensitivity.Confidential,
            10 when s.SequenceEqual("restricted"u8) => Sensitivity.Restricted,
            _ => Sensitivity.Unknown,
        };
        return value != Sensitivity.Unknown;
    }

    public static bool TryParseOutcome(ReadOnlySpan<byte> s, out Outcome value)
    {
        bool ok = true;
        value = s.Length switch
        {
            7 when s.SequenceEqual("success"u8) => Outcome.Success,
            6 when s.SequenceEqual("denied"u8) => Outcome.Denied,
            5 when s.SequenceEqual("error"u8) => Outcome.Error,
            _ => Fail(out ok),
        };
        return ok;

        static Outcome Fail(out bool ok)
        {
            ok = false;
            return Outcome.Success;
        }
    }

    public static string WireName(this ToolAction action) => action switch
    {
        ToolAction.Read => "read",
        ToolAction.Write => "write",
        ToolAction.Execute => "execute",
        ToolAction.Transfer => "transfer",
        ToolAction.Privilege => "privilege",
        _ => "unknown",
    };

    public static string WireName(this Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.Public => "public",
        Sensitivity.Internal => "internal",
        Sensitivity.Confidential => "confidential",
        Sensitivity.Restricted => "restricted",
        _ => "unknown",
    };

    public static string WireName(this Outcome outcome) => outcome switch
    {
        Outcome.Denied => "denied",
        Outcome.Error => "error",
        _ => "success",
    };
}
