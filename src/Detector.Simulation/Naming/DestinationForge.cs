using Detector.Simulation.Catalog;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Naming;

/// <summary>
/// The single source of destinations of every kind. Agents' usual destinations, legitimately new
/// vendors and attackers' drops all come from here, so no form or length marks an attack.
/// </summary>
internal static class DestinationForge
{
    private static readonly string[] Tlds = ["com", "io", "net", "co", "de", "eu", "fr", "nl"];
    private static readonly string[] ChannelTopics = ["team", "inc", "ops", "alerts", "proj", "deploys", "fin", "data", "cx", "sec", "eng"];
    private static readonly string[] Mailboxes = ["billing", "ap", "invoices", "support", "ops", "data", "finance", "accounts", "hello", "it"];
    private static readonly string[] HostPrefixes = ["sftp", "files", "ftp", "ingest", "drop", "transfer", "exchange", "upload"];
    private static readonly string[] HookPrefixes = ["hooks", "api", "events", "notify", "in"];
    private static readonly string[] HookPaths = ["v1/events", "hooks", "webhook", "services", "v2/ingest", "notify"];

    // IBAN lengths by country (ISO 13616 registry): the account form varies like real vendor mixes.
    private static readonly (string Country, int Length, int BankLetters)[] Ibans =
    [
        ("DE", 22, 0), ("FR", 27, 0), ("NL", 18, 4), ("GB", 22, 4), ("ES", 24, 0), ("IT", 27, 1), ("BE", 16, 0), ("IE", 22, 4),
    ];

    public static string Fresh(DestinationKind kind, Rng rng) => kind switch
    {
        DestinationKind.Channel => "#" + rng.Pick(ChannelTopics) + "-" + WordForge.Word(rng),
        DestinationKind.Email => Email(rng),
        DestinationKind.Host => rng.Pick(HostPrefixes) + "." + Domain(rng),
        DestinationKind.Webhook => "https://" + rng.Pick(HookPrefixes) + "." + Domain(rng) + "/" + rng.Pick(HookPaths) + "/" + rng.Hex(rng.Between(8, 16)),
        DestinationKind.Account => Iban(rng),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no generator for this destination kind"),
    };

    private static string Domain(Rng rng) => (rng.Chance(0.25) ? WordForge.Word(rng, 1, 2) + "-" + WordForge.Word(rng, 1, 2) : WordForge.Word(rng))
        + "." + rng.Pick(Tlds);

    private static string Email(Rng rng)
    {
        string local = rng.Chance(0.6) ? PeopleForge.Person(rng) : rng.Pick(Mailboxes);
        return local + "@" + Domain(rng);
    }

    private static string Iban(Rng rng)
    {
        var (country, length, letters) = rng.Pick(Ibans);
        Span<char> bank = stackalloc char[letters];
        for (int i = 0; i < letters; i++)
            bank[i] = (char)('A' + rng.Below(26));
        return country + rng.Digits(2) + new string(bank) + rng.Digits(length - 4 - letters);
    }
}
