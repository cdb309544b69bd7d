using Detector.Domain.Time;

namespace Detector.Scoring.Bindings;

/// <summary>
/// The two earliest members of a peer group to take up a value new to the group (a tool, a tenant), with
/// when: enough to tell whether anyone besides the asking agent did. Keeping the earliest, whatever the
/// order records arrive in, makes the answer the same for every shard and for a replay.
/// </summary>
public readonly record struct Adoption(ulong First, EventTime FirstAt, ulong Second, EventTime SecondAt)
{
    /// <summary>The adoption with <paramref name="agent"/> taking the value up at <paramref name="at"/> as well.</summary>
    public Adoption With(ulong agent, EventTime at)
    {
        if (agent == First)
            return at < FirstAt ? Ordered(agent, at, Second, SecondAt) : this;
        if (agent == Second)
            return at < SecondAt ? Ordered(First, FirstAt, agent, at) : this;
        if (Second == 0 || at < SecondAt)
            return Ordered(First, FirstAt, agent, at);
        return this;
    }

    /// <summary>Adopters other than <paramref name="agent"/> that had taken the value up by <paramref name="asOf"/>.</summary>
    public int OthersThan(ulong agent, EventTime asOf) =>
        (First != 0 && First != agent && FirstAt <= asOf ? 1 : 0) + (Second != 0 && Second != agent && SecondAt <= asOf ? 1 : 0);

    public static Adoption Of(ulong agent, EventTime at) => new(agent, at, 0, default);

    private static Adoption Ordered(ulong a, EventTime aAt, ulong b, EventTime bAt) =>
        b == 0 || aAt <= bAt ? new(a, aAt, b, bAt) : new(b, bAt, a, aAt);
}
