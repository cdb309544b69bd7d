using System.Collections.Frozen;

namespace Detector.Domain.Events;

/// <summary>
/// The action a tool's name states, for events that carry neither an <c>action</c> nor a catalog
/// entry: agent tools are named by service and verb ("iam.add_user_to_group", "sendEmail",
/// "s3-get-object"), and the verb says whether a call reads, changes, runs, moves data out or changes
/// permissions. A mutating verb on an access-control noun (role, policy, group, collaborator, access
/// key) is a privilege change; on a payment, payout or refund, a transfer. Names without a known verb stay <see cref="ToolAction.Unknown"/>; a
/// catalog entry overrides whatever is inferred.
/// </summary>
public static class ToolNameAction
{
    private static readonly FrozenDictionary<string, ToolAction> Verbs = new Dictionary<string, ToolAction>
    {
        // Reads.
        ["get"] = ToolAction.Read, ["list"] = ToolAction.Read, ["search"] = ToolAction.Read, ["query"] = ToolAction.Read,
        ["read"] = ToolAction.Read, ["lookup"] = ToolAction.Read, ["fetch"] = ToolAction.Read, ["find"] = ToolAction.Read,
        ["describe"] = ToolAction.Read, ["view"] = ToolAction.Read, ["show"] = ToolAction.Read, ["inspect"] = ToolAction.Read,
        ["status"] = ToolAction.Read, ["check"] = ToolAction.Read, ["download"] = ToolAction.Read, ["browse"] = ToolAction.Read,
        ["scan"] = ToolAction.Read, ["retrieve"] = ToolAction.Read, ["select"] = ToolAction.Read, ["extract"] = ToolAction.Read,
        ["diff"] = ToolAction.Read, ["preview"] = ToolAction.Read, ["count"] = ToolAction.Read,
        // Changes.
        ["create"] = ToolAction.Write, ["update"] = ToolAction.Write, ["put"] = ToolAction.Write, ["write"] = ToolAction.Write,
        ["edit"] = ToolAction.Write, ["modify"] = ToolAction.Write, ["patch"] = ToolAction.Write, ["delete"] = ToolAction.Write,
        ["remove"] = ToolAction.Write, ["comment"] = ToolAction.Write, ["reply"] = ToolAction.Write, ["append"] = ToolAction.Write,
        ["insert"] = ToolAction.Write, ["set"] = ToolAction.Write, ["save"] = ToolAction.Write, ["close"] = ToolAction.Write,
        ["approve"] = ToolAction.Write, ["merge"] = ToolAction.Write, ["rename"] = ToolAction.Write, ["move"] = ToolAction.Write,
        ["archive"] = ToolAction.Write, ["publish"] = ToolAction.Write, ["commit"] = ToolAction.Write, ["push"] = ToolAction.Write,
        ["upsert"] = ToolAction.Write, ["add"] = ToolAction.Write, ["attach"] = ToolAction.Write, ["detach"] = ToolAction.Write,
        ["assign"] = ToolAction.Write, ["invite"] = ToolAction.Write, ["enable"] = ToolAction.Write, ["disable"] = ToolAction.Write,
        ["rotate"] = ToolAction.Write, ["initiate"] = ToolAction.Write, ["submit"] = ToolAction.Write,
        // Runs.
        ["run"] = ToolAction.Execute, ["exec"] = ToolAction.Execute, ["execute"] = ToolAction.Execute, ["invoke"] = ToolAction.Execute,
        ["deploy"] = ToolAction.Execute, ["apply"] = ToolAction.Execute, ["start"] = ToolAction.Execute, ["stop"] = ToolAction.Execute,
        ["restart"] = ToolAction.Execute, ["trigger"] = ToolAction.Execute, ["launch"] = ToolAction.Execute, ["delegate"] = ToolAction.Execute,
        ["build"] = ToolAction.Execute, ["scale"] = ToolAction.Execute, ["rollback"] = ToolAction.Execute, ["dispatch"] = ToolAction.Execute,
        // Moves data or money out.
        ["send"] = ToolAction.Transfer, ["post"] = ToolAction.Transfer, ["upload"] = ToolAction.Transfer, ["transfer"] = ToolAction.Transfer,
        ["share"] = ToolAction.Transfer, ["forward"] = ToolAction.Transfer, ["email"] = ToolAction.Transfer, ["mail"] = ToolAction.Transfer,
        ["pay"] = ToolAction.Transfer, ["wire"] = ToolAction.Transfer, ["transmit"] = ToolAction.Transfer, ["notify"] = ToolAction.Transfer,
        ["export"] = ToolAction.Transfer,
        // Changes access outright.
        ["grant"] = ToolAction.Privilege, ["revoke"] = ToolAction.Privilege, ["elevate"] = ToolAction.Privilege,
        ["impersonate"] = ToolAction.Privilege, ["assume"] = ToolAction.Privilege, ["sudo"] = ToolAction.Privilege,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> AccessNouns = new[]
    {
        "role", "roles", "policy", "policies", "permission", "permissions", "collaborator", "collaborators", "access",
        "acl", "admin", "admins", "owner", "owners", "member", "members", "membership", "group", "groups", "privilege",
        "privileges", "token", "tokens", "credential", "credentials", "mfa",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> MoneyNouns = new[]
    {
        "payment", "payments", "payout", "payouts", "refund", "refunds", "wire", "remittance",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The action the name states, or <see cref="ToolAction.Unknown"/>.</summary>
    public static ToolAction Of(string tool)
    {
        // The verb is usually in the last dotted part ("email.send"); the service name comes first.
        var parts = tool.Split('.', StringSplitOptions.RemoveEmptyEntries);
        for (int p = parts.Length - 1; p >= 0; p--)
        {
            var words = Words(parts[p]);
            for (int i = 0; i < words.Count; i++)
            {
                if (!Verbs.TryGetValue(words[i], out var action))
                    continue;
                if (action == ToolAction.Write && words.Exists(AccessNouns.Contains))
                    return ToolAction.Privilege;
                if (action == ToolAction.Write && words.Exists(MoneyNouns.Contains))
                    return ToolAction.Transfer;
                return action;
            }
        }
        return ToolAction.Unknown;
    }

    /// <summary>Lower-case words split at '_', '-', '/', ':' and camelCase boundaries.</summary>
    private static List<string> Words(string part)
    {
        var words = new List<string>();
        int start = 0;
        for (int i = 0; i <= part.Length; i++)
        {
            bool end = i == part.Length || part[i] is '_' or '-' or '/' or ':' or ' ';
            bool camel = !end && i > start && char.IsUpper(part[i]) && char.IsLower(part[i - 1]);
            if (!end && !camel)
                continue;
            if (i > start)
                words.Add(part[start..i].ToLowerInvariant());
            start = end ? i + 1 : i;
        }
        return words;
    }
}
