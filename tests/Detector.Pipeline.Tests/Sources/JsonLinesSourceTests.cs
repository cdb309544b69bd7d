using System.Text;
using Detector.Pipeline.Records;
using Detector.Pipeline.Sources;
using Xunit;

namespace Detector.Pipeline.Tests.Sources;

/// <summary>How the JSONL reader splits bytes into records: line endings, blank lines, a missing final newline, over-long lines.</summary>
public sealed class JsonLinesSourceTests
{
    private const int Limit = 64;

    [Fact]
    public async Task Crlf_line_endings_are_stripped_from_records()
    {
        var records = await ReadAll("one\r\ntwo\r\n");

        Assert.Equal([("one", 1L), ("two", 2L)], records);
    }

    [Fact]
    public async Task Blank_and_whitespace_only_lines_are_skipped_and_counted_but_keep_their_line_numbers()
    {
        using var source = Source("one\n\n \t\n\r\ntwo\n");

        var records = await ReadAll(source);

        Assert.Equal([("one", 1L), ("two", 5L)], records);
        Assert.Equal(3, source.BlankLines);
    }

    [Theory]
    [InlineData("one\ntwo")]
    [InlineData("one\ntwo\r")]
    [InlineData("one\r\ntwo")]
    public async Task A_last_line_without_a_newline_is_still_a_record(string text)
    {
        var records = await ReadAll(text);

        Assert.Equal([("one", 1L), ("two", 2L)], records);
    }

    [Fact]
    public async Task Empty_input_has_no_records()
    {
        Assert.Empty(await ReadAll(""));
        Assert.Empty(await ReadAll("\n\n"));
    }

    [Fact]
    public async Task A_byte_order_mark_is_handed_on_untouched()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        using var source = new JsonLinesSource(new MemoryStream([.. bom, .. "one\ntwo\n"u8]), "bom.jsonl", Limit);
        var item = new PipelineItem();

        Assert.True(await source.ReadAsync(item, CancellationToken.None));
        Assert.Equal([.. bom, .. "one"u8], item.Bytes.ToArray());
    }

    [Theory]
    [InlineData(Limit + 1)]
    [InlineData(Limit + 2)]
    [InlineData(1_000)]
    [InlineData(100_000)]
    public async Task A_line_longer_than_the_reader_buffer_keeps_only_its_first_limit_plus_one_bytes(int length)
    {
        // bufferBytes 0: the smallest buffer the reader allows (limit + 2), so every long line spans several reads.
        string longLine = new('x', length);
        using var source = new JsonLinesSource(new MemoryStream(Encoding.UTF8.GetBytes($"one\n{longLine}\nthree\n")), "long.jsonl", Limit, bufferBytes: 0);

        var records = await ReadAll(source);

        Assert.Equal([("one", 1L), (longLine[..(Limit + 1)], 2L), ("three", 3L)], records);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(70_000)]
    public async Task A_line_longer_than_the_limit_but_whole_in_the_buffer_also_keeps_only_its_first_limit_plus_one_bytes(int length)
    {
        // The default 1 MiB buffer holds the whole line and its newline: the cut must not depend on where the line fell.
        string longLine = new('x', length);
        using var source = new JsonLinesSource(new MemoryStream(Encoding.UTF8.GetBytes($"one\n{longLine}\nthree\n")), "long.jsonl", Limit);

        var records = await ReadAll(source);

        Assert.Equal([("one", 1L), (longLine[..(Limit + 1)], 2L), ("three", 3L)], records);
    }

    [Fact]
    public async Task An_over_long_last_line_without_a_newline_keeps_its_head_and_ends_the_input()
    {
        string longLine = new('x', 5_000);
        using var source = new JsonLinesSource(new MemoryStream(Encoding.UTF8.GetBytes($"one\n{longLine}")), "long.jsonl", Limit, bufferBytes: 0);

        var records = await ReadAll(source);

        Assert.Equal([("one", 1L), (longLine[..(Limit + 1)], 2L)], records);
    }

    [Fact]
    public async Task Lines_split_across_many_small_reads_come_out_as_from_one_read()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 300; i++)
            text.Append(i % 11 == 0 ? "\r\n" : i % 17 == 0 ? new string('y', 3 * Limit) + "\n" : $"line-{i}" + (i % 3 == 0 ? "\r\n" : "\n"));
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        using var whole = new JsonLinesSource(new MemoryStream(bytes), "whole", Limit, bufferBytes: 0);
        using var trickled = new JsonLinesSource(new TrickleStream(bytes, seed: 5, maxChunk: 7), "trickled", Limit, bufferBytes: 0);

        var expected = await ReadAll(whole);
        var actual = await ReadAll(trickled);

        Assert.Equal(300, expected.Count + whole.BlankLines);
        Assert.Equal(expected, actual);
        Assert.Equal(whole.BlankLines, trickled.BlankLines);
    }

    [Fact]
    public void A_record_position_describes_itself_as_file_and_line()
    {
        using var source = Source("");

        Assert.Equal("events.jsonl:42", source.Describe(new RecordPosition(0, 42)));
    }

    private static JsonLinesSource Source(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)), "events.jsonl", Limit);

    private static async Task<List<(string Text, long Line)>> ReadAll(string text)
    {
        using var source = Source(text);
        return await ReadAll(source);
    }

    private static async Task<List<(string Text, long Line)>> ReadAll(JsonLinesSource source)
    {
        var records = new List<(string, long)>();
        var item = new PipelineItem();
        while (await source.ReadAsync(item, CancellationToken.None))
            records.Add((Encoding.UTF8.GetString(item.Bytes), item.Position.Offset));
        return records;
    }
}
