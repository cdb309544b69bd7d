using System.Collections.Concurrent;
using Detector.Domain.Time;
using Detector.Scoring.Profiles;

namespace Detector.Scoring.Bindings;

/// <summary>
/// Each peer group's recent newcomer values and their earliest adopters, shared by every shard that
/// reads the table, so that a role-wide change (a tool rolled out to a role, a tenant a team is
/// onboarding) is recognised when the role's members are scored in different partitions. Per group it
/// keeps what a shard's own <see cref="GroupNewcomers"/> keeps, the same number of values with the
/// oldest making room, so one shard sees the same answers from it as from its own table. Reads are
/// lock-free (they happen on most events): a group's values are an immutable array replaced on the rare
/// write (a member taking up a value new to its group).
/// </summary>
public sealed class AdoptionTable
{
    private readonly ConcurrentDictionary<ulong, Entry[]> _groups = new();
    private readonly Lock _write = new();

    /// <summary>Records that <paramref name="agent"/> took the value up at <paramref name="at"/>; returns the value's earliest adopters as now held.</summary>
    public Adoption Record(ulong group, ulong value, ulong agent, EventTime at)
    {
        lock (_write)
        {
            var entries = _groups.TryGetValue(group, out var known) ? known : [];
            int i = Array.FindIndex(entries, e => e.Value == value);
            Entry[] next;
            if (i >= 0)
            {
                next = (Entry[])entries.Clone();
                next[i] = entries[i] with { Adoption = entries[i].Adoption.With(agent, at) };
            }
            else if (entries.Length < GroupNewcomers.Slots)
            {
                next = [.. entries, new Entry(value, Adoption.Of(agent, at))];
                i = entries.Length;
            }
            else
            {
                next = (Entry[])entries.Clone();
                i = 0;
                for (int k = 1; k < next.Length; k++)
                {
                    if (next[k].Adoption.FirstAt < next[i].Adoption.FirstAt)
                        i = k;
                }
                next[i] = new Entry(value, Adoption.Of(agent, at));
            }
            _groups[group] = next;
            return next[i].Adoption;
        }
    }

    /// <summary>The value's earliest adopters as held; null when it is not held.</summary>
    public Adoption? Find(ulong group, ulong value)
    {
        if (_groups.TryGetValue(group, out var entries))
        {
            foreach (var e in entries)
            {
                if (e.Value == value)
                    return e.Adoption;
            }
        }
        return null;
    }

    /// <summary>Members other than <paramref name="agent"/> that had taken the value up by <paramref name="asOf"/>, while the adoption is recent.</summary>
    public int OtherAdopters(ulong group, ulong value, ulong agent, EventTime asOf) =>
        Find(group, value) is { } a && asOf - a.FirstAt < GroupNewcomers.Recent ? a.OthersThan(agent, asOf) : 0;

    private readonly record struct Entry(ulong Value, Adoption Adoption);
}
