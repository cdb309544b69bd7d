using Detector.Simulation.Naming;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Fleet;

/// <summary>Everything the fleet can work on; roles take subsets of it and agents subsets of their role's.</summary>
internal static class FleetPools
{
    private static readonly string[] Domains =
    [
        "payments", "billing", "search", "checkout", "identity", "ledger", "catalog", "notify", "gateway", "reports", "ingest",
        "pricing", "orders", "accounts", "inventory", "auth", "shipping", "profile", "media", "analytics",
    ];

    private static readonly string[] Kinds = ["api", "service", "worker", "web", "jobs", "sync"];
    private static readonly string[] PrincipalSuffixes = ["runtime", "ci", "reader", "writer", "deployer", "etl"];
    private static readonly string[] Datasets = ["orders", "customers", "events", "invoices", "sessions", "payments", "clickstream", "tickets", "refunds", "shipments"];

    public static AgentPools Create(Rng rng)
    {
        var services = new HashSet<string>(StringComparer.Ordinal);
        while (services.Count < 24)
            services.Add(rng.Pick(Domains) + "-" + rng.Pick(Kinds));
        string[] serviceList = [.. services.Order(StringComparer.Ordinal)];
        var users = new HashSet<string>(StringComparer.Ordinal);
        while (users.Count < 80)
            users.Add(PeopleForge.Person(rng));
        return new AgentPools
        {
            Services = serviceList,
            Repos = [.. serviceList, "infra-terraform", "web-app", "mobile-app", "shared-libs", "data-models", "ops-runbooks"],
            Datasets = Datasets,
            Tables = [.. Datasets.SelectMany(d => new[] { d + "_daily", d + "_raw", d + "_snapshot" })],
            Spaces = ["ENG", "SEC", "OPS", "DATA", "CX", "FIN", "PLAT", "HR"],
            Principals = [.. serviceList.SelectMany(s => PrincipalSuffixes.Select(p => s + "-" + p))],
            Groups =
            [
                "developers", "data-readers", "data-writers", "billing-admins", "prod-operators", "security-auditors", "support-tier2",
                "release-managers", "finance-approvers", "oncall", "contractors", "platform-admins",
            ],
            Users = [.. users],
            CloudAccounts = [.. Enumerable.Range(0, 5).Select(_ => "4" + rng.Digits(11))],
            Envs = ["prod", "prod", "staging", "dev"],
        };
    }

    /// <summary>A random share of each pool (at least one item); environments are kept whole.</summary>
    public static AgentPools Subset(Rng rng, AgentPools from, double share) => new()
    {
        Repos = Take(rng, from.Repos, share),
        Services = Take(rng, from.Services, share),
        Datasets = Take(rng, from.Datasets, share),
        Tables = Take(rng, from.Tables, share),
        Spaces = Take(rng, from.Spaces, share),
        Principals = Take(rng, from.Principals, share),
        Groups = Take(rng, from.Groups, share),
        Users = Take(rng, from.Users, share),
        CloudAccounts = Take(rng, from.CloudAccounts, share),
        Envs = from.Envs,
    };

    private static string[] Take(Rng rng, IReadOnlyList<string> items, double share)
    {
        var copy = items.ToList();
        rng.Shuffle(copy);
        return [.. copy.Take(Math.Max(1, (int)Math.Round(items.Count * share)))];
    }
}
