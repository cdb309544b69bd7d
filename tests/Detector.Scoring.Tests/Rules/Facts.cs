using Detector.Domain.Events;
using Detector.Scoring.Rules;

namespace Detector.Scoring.Tests.Rules;

/// <summary>
/// Step facts by one-letter code, so a session reads as a string in tests. Unless said otherwise a
/// step is unapproved, in the agent's own tenant, with a valid credential.
/// o ordinary (execute), i internal read, r/R confidential/restricted read, v confidential read in a foreign tenant;
/// t small transfer to a destination new for the agent, a the same approved, T large transfer to one new
/// for its peers too, A the same approved, e small transfer to an established destination, L large one
/// there, y large transfer to a young destination, Y small one there;
/// p/P privilege change with a familiar/new tool, q/Q the same approved;
/// w/W write in a foreign/own tenant, k approved write in a foreign tenant;
/// d/D delegated transfer outside/within the parent's intent, g delegated read outside it, j approved
/// delegated privilege change outside it;
/// x/f/s credential expired/foreign/stale, n no credential;
/// z/Z privilege change by an agent that almost never changes privileges, unapproved/approved;
/// G/H small transfer to a young destination continuing growing sends, unapproved/approved.
/// </summary>
internal static class Facts
{
    public const string Codes = "oirRvtaTAeLyYpPqQwWkdDgjxfsnzZGH";

    public static readonly StepFacts Ordinary = new()
    {
        Action = ToolAction.Execute,
        Sensitivity = Sensitivity.Internal,
        Tool = "ci.run_tests",
        Credential = CredentialStatus.Valid,
    };

    public static StepFacts Read(Sensitivity sensitivity) => Ordinary with { Action = ToolAction.Read, Sensitivity = sensitivity, Tool = "crm.lookup_customer" };

    public static StepFacts Transfer(DestinationClass destination, bool large = false, bool approved = false) => Ordinary with
    {
        Action = ToolAction.Transfer,
        Tool = large ? "sftp.upload" : "email.send",
        Destination = destination,
        LargeTransfer = large,
        BytesOut = large ? 48_000_000 : 20_000,
        HasApproval = approved,
    };

    public static StepFacts Privilege(bool newTool = false, bool approved = false) => Ordinary with
    {
        Action = ToolAction.Privilege,
        Sensitivity = Sensitivity.Restricted,
        Tool = "iam.attach_role_policy",
        NewTool = newTool,
        HasApproval = approved,
    };

    public static StepFacts Of(char code) => code switch
    {
        'o' => Ordinary,
        'i' => Read(Sensitivity.Internal),
        'r' => Read(Sensitivity.Confidential),
        'R' => Read(Sensitivity.Restricted),
        'v' => Read(Sensitivity.Confidential) with { ForeignTenant = true },
        't' => Transfer(DestinationClass.NewForAgent),
        'a' => Transfer(DestinationClass.NewForAgent, approved: true),
        'T' => Transfer(DestinationClass.NewForPeers, large: true),
        'A' => Transfer(DestinationClass.NewForPeers, large: true, approved: true),
        'e' => Transfer(DestinationClass.Established),
        'L' => Transfer(DestinationClass.Established, large: true),
        'y' => Transfer(DestinationClass.Young, large: true),
        'Y' => Transfer(DestinationClass.Young),
        'p' => Privilege(),
        'P' => Privilege(newTool: true),
        'q' => Privilege(approved: true),
        'Q' => Privilege(newTool: true, approved: true),
        'w' => Write(foreignTenant: true),
        'W' => Write(foreignTenant: false),
        'k' => Write(foreignTenant: true) with { HasApproval = true },
        'd' => Transfer(DestinationClass.Established) with { Delegated = true, OutsideParentIntent = true },
        'D' => Transfer(DestinationClass.Established) with { Delegated = true },
        'g' => Read(Sensitivity.Internal) with { Delegated = true, OutsideParentIntent = true },
        'j' => Privilege(approved: true) with { Delegated = true, OutsideParentIntent = true },
        'x' => Ordinary with { Credential = CredentialStatus.Expired },
        'f' => Ordinary with { Credential = CredentialStatus.Foreign },
        's' => Ordinary with { Credential = CredentialStatus.Stale },
        'n' => Ordinary with { Credential = CredentialStatus.None },
        'z' => Privilege() with { RareAction = true },
        'Z' => Privilege(approved: true) with { RareAction = true },
        'G' => Transfer(DestinationClass.Young) with { GrowingDoses = true },
        'H' => Transfer(DestinationClass.Young, approved: true) with { GrowingDoses = true },
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "no such step code"),
    };

    private static StepFacts Write(bool foreignTenant) => Ordinary with { Action = ToolAction.Write, Tool = "tickets.comment", ForeignTenant = foreignTenant };
}
