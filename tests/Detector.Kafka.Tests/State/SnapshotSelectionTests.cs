using System.Text;
using Detector.Kafka.State;
using Xunit;

namespace Detector.Kafka.Tests.State;

public sealed class SnapshotSelectionTests
{
    [Fact]
    public void Without_a_marker_nothing_is_restored()
    {
        var selection = new SnapshotSelection();
        selection.AddAgent("a", 10, Bytes("a@10"));
        Assert.Empty(selection.Snapshots());
        Assert.Equal(-1, selection.MarkerOffset);
    }

    [Fact]
    public void The_latest_snapshot_of_each_agent_up_to_the_last_marker_is_restored()
    {
        var selection = new SnapshotSelection();
        selection.AddAgent("a", 10, Bytes("a@10"));
        selection.AddAgent("b", 10, Bytes("b@10"));
        selection.AddMarker(10, Bytes("m@10"));
        selection.AddAgent("a", 20, Bytes("a@20"));
        selection.AddMarker(20, Bytes("m@20"));

        Assert.Equal(["a@20", "b@10"], Texts(selection));
        Assert.Equal(20, selection.MarkerOffset);
    }

    [Fact]
    public void Snapshots_of_a_checkpoint_that_never_completed_are_skipped_for_the_version_before()
    {
        var selection = new SnapshotSelection();
        selection.AddAgent("a", 10, Bytes("a@10"));
        selection.AddMarker(10, Bytes("m@10"));
        selection.AddAgent("a", 20, Bytes("a@20 unfinished"));

        Assert.Equal(["a@10"], Texts(selection));
        Assert.Equal(10, selection.MarkerOffset);
    }

    [Fact]
    public void After_a_crash_the_successors_checkpoint_wins_even_when_it_covers_less_than_the_unfinished_one()
    {
        var selection = new SnapshotSelection();
        selection.AddAgent("a", 10, Bytes("a@10"));
        selection.AddMarker(10, Bytes("m@10"));
        selection.AddAgent("a", 30, Bytes("a@30 unfinished"));
        selection.AddAgent("a", 25, Bytes("a@25"));
        selection.AddMarker(25, Bytes("m@25"));

        Assert.Equal(["a@25"], Texts(selection));
    }

    [Fact]
    public void An_unfinished_snapshot_ahead_of_every_marker_never_shadows_an_older_valid_one()
    {
        var selection = new SnapshotSelection();
        selection.AddAgent("a", 10, Bytes("a@10"));
        selection.AddAgent("b", 10, Bytes("b@10"));
        selection.AddMarker(10, Bytes("m@10"));
        selection.AddAgent("b", 40, Bytes("b@40 unfinished"));
        selection.AddAgent("a", 25, Bytes("a@25"));
        selection.AddMarker(25, Bytes("m@25"));

        Assert.Equal(["a@25", "b@10"], Texts(selection));
    }

    [Fact]
    public void Changelog_records_of_other_partitions_and_other_formats_are_ignored()
    {
        byte[] value = ChangelogCodec.Value(ChangelogRecordKind.Agent, 42, [1, 2, 3]);
        Assert.True(ChangelogCodec.TryRead(ChangelogCodec.AgentKey(3, new("spiffe://x/a")), value, 3, out var kind, out string agent, out long covered, out var payload));
        Assert.Equal((ChangelogRecordKind.Agent, "spiffe://x/a", 42L), (kind, agent, covered));
        Assert.Equal(new byte[] { 1, 2, 3 }, payload.ToArray());
        Assert.False(ChangelogCodec.TryRead(ChangelogCodec.AgentKey(13, new("spiffe://x/a")), value, 3, out _, out _, out _, out _));
        value[0] = 99;
        Assert.False(ChangelogCodec.TryRead(ChangelogCodec.AgentKey(3, new("spiffe://x/a")), value, 3, out _, out _, out _, out _));
        Assert.True(ChangelogCodec.TryRead(ChangelogCodec.MarkerKey(3), ChangelogCodec.Value(ChangelogRecordKind.Marker, 7, []), 3, out var marker, out _, out long at, out _));
        Assert.Equal((ChangelogRecordKind.Marker, 7L), (marker, at));
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static List<string> Texts(SnapshotSelection selection) =>
        selection.Snapshots().Select(s => Encoding.UTF8.GetString(s.Span)).Order(StringComparer.Ordinal).ToList();
}
