using System.Globalization;
using Detector.Domain.Time;
using Detector.Simulation.Fleet;
using Detector.Simulation.Naming;
using Detector.Simulation.Randomness;

namespace Detector.Simulation.Sessions;

/// <summary>
/// The values a tool's resource and argument patterns draw on. Work-item values (tenant, ticket,
/// repo, service...) stay fixed for a session, so its steps keep touching the same things; ids
/// that change per call come from <see cref="FreshId"/>.
/// </summary>
internal sealed class StepScope
{
    public StepScope(Rng rng, Agent agent, string tenant, long ticket)
    {
        Rng = rng;
        Agent = agent;
        Tenant = tenant;
        Ticket = ticket;
        var pools = agent.Pools;
        Repo = rng.Pick(pools.Repos);
        Service = rng.Pick(pools.Services);
        Env = rng.Pick(pools.Envs);
        Dataset = rng.Pick(pools.Datasets);
        Table = rng.Pick(pools.Tables);
        Space = rng.Pick(pools.Spaces);
        Principal = rng.Pick(pools.Principals);
        Group = rng.Pick(pools.Groups);
        User = rng.Pick(pools.Users);
        CloudAccount = rng.Pick(pools.CloudAccounts);
    }

    public Rng Rng { get; }

    public Agent Agent { get; }

    /// <summary>Time of the step being rendered.</summary>
    public EventTime Time { get; set; }

    /// <summary>Tenant of the step; attacks that drift scope set another tenant here.</summary>
    public string Tenant { get; set; }

    /// <summary>The session's work item: incident, pull request, ticket or batch number.</summary>
    public long Ticket { get; }

    public string Repo { get; }

    public string Service { get; }

    public string Env { get; }

    public string Dataset { get; }

    public string Table { get; }

    public string Space { get; }

    public string Principal { get; }

    public string Group { get; }

    public string User { get; }

    public string CloudAccount { get; }

    /// <summary>Destination of the step being rendered (empty for tools without one).</summary>
    public string Destination { get; set; } = "";

    public string Date => Time.ToDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string Month => Time.ToDateTimeOffset().ToString("yyyyMM", CultureInfo.InvariantCulture);

    /// <summary>A release-style version that moves on every day.</summary>
    public string Version => FormattableString.Invariant($"1.{(Time.UtcTicks / TimeSpan.TicksPerDay) % 1000}.{Rng.Below(40)}");

    /// <summary>A per-call id (customer, object, invoice...): seven digits.</summary>
    public long FreshId() => Rng.Between(1_000_000, 9_999_999);

    public string Words(int min, int max) => PhraseForge.Phrase(Agent.Role.Vocabulary, Rng, min, max);

    public T Pick<T>(IReadOnlyList<T> items) => Rng.Pick(items);
}
