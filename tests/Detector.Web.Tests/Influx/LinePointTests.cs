using Detector.Domain.Time;
using Detector.Observability.Influx;
using Xunit;

namespace Detector.Web.Tests.Influx;

public sealed class LinePointTests
{
    private static readonly EventTime At = EventTime.Parse("2026-01-05T10:00:00Z");

    public static TheoryData<string, string, string> Escapes => new()
    {
        { "plain", "plain", "m,k=plain v=1i 1767607200000" },
        { "a b", "a b", "m,k=a\\ b v=1i 1767607200000" },
        { "a,b", "a,b", "m,k=a\\,b v=1i 1767607200000" },
        { "a=b", "a=b", "m,k=a\\=b v=1i 1767607200000" },
        { "spiffe://corp/x", "spiffe://corp/x", "m,k=spiffe://corp/x v=1i 1767607200000" },
        { "line\nfeed", "line\nfeed", "m,k=line\\ feed v=1i 1767607200000" },
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public void Tag_values_escape_commas_equals_signs_and_spaces(string description, string value, string expected)
    {
        Assert.NotNull(description);
        Assert.Equal(expected, new LinePoint("m", At).Tag("k", value).Field("v", 1L).ToLine());
    }

    [Fact]
    public void Tags_are_sorted_empty_tags_and_non_finite_floats_are_left_out_and_integers_carry_the_i_suffix()
    {
        string line = new LinePoint("agent window", At)
            .Tag("zone", "eu").Tag("agent", "a-1").Tag("empty", "")
            .Field("risk", 0.25).Field("nan", double.NaN).Field("events", 12L).ToLine();

        Assert.Equal("agent\\ window,agent=a-1,zone=eu risk=0.25,events=12i 1767607200000", line);
    }

    [Fact]
    public void A_point_without_fields_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new LinePoint("m", At).Tag("k", "v").Field("x", double.PositiveInfinity).ToLine());
    }
}
