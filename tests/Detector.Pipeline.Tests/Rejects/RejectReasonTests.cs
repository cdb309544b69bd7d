using System.Globalization;
using System.Text;
using Detector.Domain.Ingest;
using Detector.Pipeline.Stages;
using Detector.Pipeline.Tests.Support;
using Detector.TestSupport;
using Xunit;

namespace Detector.Pipeline.Tests.Rejects;

/// <summary>
/// A mixed stream: valid events of one agent with a bad record of every kind between them, a late
/// event, a future event and a blank line. Every bad record is dead-lettered with its reason, a
/// sentence, file:line and its original bytes; every valid record around them is applied.
/// </summary>
public sealed class RejectReasonTests
{
    private const int MaxRecordBytes = 64 * 1024;

    // Longer than the reader's 1 MiB buffer, so the reader cuts the line while streaming it.
    private const int OversizeBytes = (1 << 20) + 4096;

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task Every_reject_reason_is_dead_lettered_with_its_detail_source_and_original_bytes(PipelineKind kind)
    {
        var stream = MixedStream.Build();

        var run = await PipelineRun.RunAsync(stream.Input, Settings(kind));

        var deadLetters = run.DeadLetterLines;
        Assert.Equal(stream.Bad.Count, deadLetters.Count);
        foreach (var (bad, letter) in stream.Bad.Zip(deadLetters))
        {
            Assert.Equal(bad.Reason.Code(), letter.GetProperty("reason").GetString());
            Assert.Equal($"events.jsonl:{bad.Line}", letter.GetProperty("source").GetString());
            string detail = letter.GetProperty("detail").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(detail));
            if (bad.Field is not null)
                Assert.Contains($"'{bad.Field}'", detail, StringComparison.Ordinal);
            byte[] original = letter.GetProperty("original_base64").GetBytesFromBase64();
            byte[] expected = bad.Reason == RejectReason.Oversize ? bad.Bytes[..(MaxRecordBytes + 1)] : bad.Bytes;
            Assert.Equal(expected, original);
        }
    }

    [Fact]
    public void The_mixed_stream_covers_every_dead_lettered_reason()
    {
        var covered = MixedStream.Build().Bad.Select(b => b.Reason).ToHashSet();

        var expected = RejectReasons.All.Where(r => r.IsDeadLettered()).ToHashSet();

        Assert.Equal(expected.Order(), covered.Order());
    }

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task Valid_events_between_bad_records_are_all_applied(PipelineKind kind)
    {
        var stream = MixedStream.Build();

        var run = await PipelineRun.RunAsync(stream.Input, Settings(kind));

        Assert.All(stream.Valid, line => Assert.Equal(Disposition.Applied, run.AtLine(line).Disposition));
        Assert.All(stream.Bad, bad =>
        {
            var completion = run.AtLine(bad.Line);
            Assert.Equal((Disposition.Rejected, bad.Reason), (completion.Disposition, completion.Reason));
        });
    }

    [Theory]
    [InlineData(PipelineKind.Inline)]
    [InlineData(PipelineKind.Channel)]
    public async Task Every_record_is_counted_once_as_applied_rejected_or_duplicate(PipelineKind kind)
    {
        var stream = MixedStream.Build();

        var run = await PipelineRun.RunAsync(stream.Input, Settings(kind));

        var s = run.Summary;
        Assert.Equal(stream.Valid.Count + stream.Bad.Count, s.Records);
        Assert.Equal(s.Records, s.Applied + s.DeadLettered + s.Duplicates);
        Assert.Equal(stream.Valid.Count, s.Applied);
        Assert.Equal(1, run.BlankLines);
        Assert.Equal(s.Records, run.Completions.Count);
        foreach (var group in stream.Bad.GroupBy(b => b.Reason))
            Assert.Equal(group.Count(), s.Rejected(group.Key));
    }

    private static RunSettings Settings(PipelineKind kind)
    {
        var settings = new RunSettings { Kind = kind };
        settings.Pipeline.MaxFutureSkew = TimeSpan.FromMinutes(10);
        settings.Pipeline.Ingest.MaxRecordBytes = MaxRecordBytes;
        return settings;
    }

    /// <summary>The stream and what each of its lines should become.</summary>
    private sealed class MixedStream
    {
        public Input Input { get; } = new();

        public List<int> Valid { get; } = [];

        public List<(RejectReason Reason, string? Field, int Line, byte[] Bytes)> Bad { get; } = [];

        public static MixedStream Build()
        {
            var s = new MixedStream();
            int n = 0;
            DateTimeOffset time = Start;
            s.AddValid(ref n, time);
            foreach (var (reason, field, line) in BadRecords.ParseRejects(OversizeBytes))
            {
                s.Bad.Add((reason, field, s.Input.Add(line), line));
                time = time.AddSeconds(10);
                s.AddValid(ref n, time);
                if (n == 4)
                    s.Input.Add("   ");
            }
            // Out of order within the allowed lateness (5 minutes): applied.
            s.AddValid(ref n, time.AddMinutes(-4));
            var late = BadRecords.Event("late-1", Stamp(time.AddMinutes(-6))).Line();
            s.Bad.Add((RejectReason.LateEvent, null, s.Input.Add(late), Encoding.UTF8.GetBytes(late)));
            s.AddValid(ref n, time.AddSeconds(5));
            var future = BadRecords.Event("future-1", Stamp(time.AddDays(1))).Line();
            s.Bad.Add((RejectReason.FutureTime, null, s.Input.Add(future), Encoding.UTF8.GetBytes(future)));
            s.AddValid(ref n, time.AddSeconds(10));
            return s;
        }

        private void AddValid(ref int n, DateTimeOffset time) =>
            Valid.Add(Input.Add(BadRecords.Event($"ok-{++n}", Stamp(time), session: $"s-{n / 5}")));

        private static string Stamp(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
