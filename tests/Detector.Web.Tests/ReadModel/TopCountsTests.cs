using Detector.Web.ReadModel;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Detector.Web.Tests.ReadModel;

public sealed class TopCountsTests
{
    [Fact]
    public void Every_key_more_frequent_than_total_over_capacity_is_held_and_no_count_is_underestimated()
    {
        Check.QuickThrowOnFailure(Prop.ForAll<byte[]>(stream =>
        {
            var top = new TopCounts(8);
            foreach (byte b in stream)
                top.Add("k" + (b % 24));
            var truth = stream.GroupBy(b => "k" + (b % 24)).ToDictionary(g => g.Key, g => (long)g.Count());
            var held = top.Top(8).ToDictionary(c => c.Name, c => c.Count);
            bool frequentHeld = truth.Where(t => t.Value * 8 > stream.Length).All(t => held.ContainsKey(t.Key));
            bool overestimates = held.All(h => h.Value >= truth[h.Key]);
            return frequentHeld && overestimates && top.Total == stream.Length;
        }));
    }

    [Fact]
    public void The_top_list_is_ordered_by_count_then_name_with_shares_of_the_total()
    {
        var top = new TopCounts(4);
        foreach (string key in new[] { "b", "a", "b", "c", "a", "b" })
            top.Add(key);

        Assert.Equal([new CountShare("b", 3, 0.5), new CountShare("a", 2, 2 / 6.0)], top.Top(2));
    }
}
