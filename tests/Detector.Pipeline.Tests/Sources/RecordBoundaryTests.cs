using System.Text;
using Detector.Domain.Ingest;
using Detector.Pipeline.Stages;
using Detector.Pipeline.Tests.Rejects;
using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Sources;

/// <summary>Reader and parser together: record size limits and a byte order mark, end to end through the pipeline.</summary>
public sealed class RecordBoundaryTests
{
    private const int Limit = 256;

    [Theory]
    [InlineData(Limit - 1, Disposition.Applied)]
    [InlineData(Limit, Disposition.Applied)]
    [InlineData(Limit + 1, Disposition.Rejected)]
    public async Task A_record_up_to_the_size_limit_is_applied_and_one_byte_more_is_oversize(int length, Disposition expected)
    {
        var input = new Input();
        byte[] line = BadRecords.Padded(BadRecords.Event("sized"), length);
        int at = input.Add(line);
        var settings = new RunSettings();
        settings.Pipeline.Ingest.MaxRecordBytes = Limit;

        var run = await PipelineRun.RunAsync(input, settings);

        Assert.Equal(length, line.Length);
        Assert.Equal(expected, run.AtLine(at).Disposition);
        if (expected == Disposition.Rejected)
        {
            Assert.Equal(RejectReason.Oversize, run.AtLine(at).Reason);
            Assert.Equal(line, run.DeadLetterLines.Single().GetProperty("original_base64").GetBytesFromBase64());
        }
    }

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task A_byte_order_mark_before_the_first_record_does_not_reject_it(PipelineKind kind)
    {
        byte[] first = [0xEF, 0xBB, 0xBF, .. BadRecords.Event("e-1").Bytes()];
        var input = new Input();
        int at = input.Add(first);
        input.Add(BadRecords.Event("e-2", "2026-01-05T09:00:05Z"));

        var run = await PipelineRun.RunAsync(input, new RunSettings { Kind = kind });

        Assert.Equal(Disposition.Applied, run.AtLine(at).Disposition);
        Assert.Equal(2, run.Summary.Applied);
    }

    [Fact]
    public async Task A_rejected_record_with_a_byte_order_mark_is_dead_lettered_with_it()
    {
        byte[] bad = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("[1,2]")];
        var input = new Input();
        input.Add(bad);

        var run = await PipelineRun.RunAsync(input);

        var letter = run.DeadLetterLines.Single();
        Assert.Equal("not_object", letter.GetProperty("reason").GetString());
        Assert.Equal(bad, letter.GetProperty("original_base64").GetBytesFromBase64());
    }

    [Fact]
    public async Task Crlf_input_dead_letters_the_record_without_its_carriage_return()
    {
        byte[] jsonl = Encoding.UTF8.GetBytes(BadRecords.Event("e-1").Line() + "\r\n{oops\r\n");

        var run = await PipelineRun.RunAsync(jsonl);

        var letter = run.DeadLetterLines.Single();
        Assert.Equal("events.jsonl:2", letter.GetProperty("source").GetString());
        Assert.Equal("{oops"u8.ToArray(), letter.GetProperty("original_base64").GetBytesFromBase64());
        Assert.Equal(1, run.Summary.Applied);
    }
}
