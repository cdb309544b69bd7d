using System.Text;
using Detector.Domain.Time;
using FsCheck.Fluent;
using FsCheck;
using Xunit;

namespace Detector.Domain.Tests.Time;

public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2026-01-05T09:15:02Z", "2026-01-05T09:15:02Z")]
    [InlineData("2026-01-05T09:15:02.5Z", "2026-01-05T09:15:02.5Z")]
    [InlineData("2026-01-05t09:15:02.123456789z", "2026-01-05T09:15:02.1234567Z")]
    [InlineData("2026-01-05 09:15:02Z", "2026-01-05T09:15:02Z")]
    [InlineData("2026-01-05T10:15:02+01:00", "2026-01-05T09:15:02Z")]
    [InlineData("2026-01-05T00:15:02-09:30", "2026-01-05T09:45:02Z")]
    [InlineData("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z")]
    [InlineData("2016-12-31T23:59:60Z", "2016-12-31T23:59:59.9999999Z")]
    public void Valid_date_times_parse_to_the_same_UTC_instant(string text, string expected)
    {
        Assert.True(Rfc3339.TryParse(Encoding.ASCII.GetBytes(text), out var t));
        Assert.Equal(expected, t.ToString());
    }

    [Theory]
    [InlineData("2026-01-05T09:15:02")]          // no offset
    [InlineData("2026-01-05")]                   // date only
    [InlineData("2026-13-05T09:15:02Z")]         // month 13
    [InlineData("2025-02-29T09:15:02Z")]         // not a leap year
    [InlineData("2026-01-05T24:00:00Z")]         // hour 24
    [InlineData("2026-01-05T09:15:02.Z")]        // empty fraction
    [InlineData("2026-01-05T09:15:02+0100")]     // offset without colon
    [InlineData("2026-01-05T09:15:02Z ")]        // trailing space
    [InlineData("2026-01-05T12:00:60Z")]         // leap second not at 23:59 UTC
    [InlineData("1/5/2026 09:15")]
    [InlineData("")]
    public void Invalid_date_times_are_refused(string text)
    {
        Assert.False(Rfc3339.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void Formatting_then_parsing_returns_the_same_instant()
    {
        var min = new DateTime(1970, 1, 1).Ticks;
        var max = new DateTime(2100, 1, 1).Ticks;
        Check.QuickThrowOnFailure(Prop.ForAll(Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, int.MaxValue)).ToArbitrary(), pair =>
        {
            long ticks = min + (long)(((ulong)pair.Item1 << 31 | (uint)pair.Item2) % (ulong)(max - min));
            var t = new EventTime(ticks);
            return Rfc3339.TryParse(Encoding.ASCII.GetBytes(t.ToString()), out var back) && back == t;
        }));
    }
}
