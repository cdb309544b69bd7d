using System.Text;
using Detector.Domain.Wire;
using Xunit;

namespace Detector.Kafka.Tests.Signing;

public sealed class JsonCanonicalizerTests
{
    [Theory]
    [InlineData("{ \"b\" : 1, \"a\" : [ true, false, null ] }", "{\"a\":[true,false,null],\"b\":1}")]
    [InlineData("{\"z\":{\"y\":1,\"x\":2},\"\":0}", "{\"\":0,\"z\":{\"x\":2,\"y\":1}}")]
    [InlineData("\"\\u0041\\/\\u00e9\"", "\"A/é\"")]
    [InlineData("\"tab\\there \\u0001 \\\" \\\\\"", "\"tab\\there \\u0001 \\\" \\\\\"")]
    [InlineData("\"\\u001f\\u007f\"", "\"\\u001f\u007f\"")]
    public void Output_has_no_whitespace_sorted_members_and_only_mandatory_escapes(string input, string expected) =>
        Assert.Equal(expected, Canonical(input));

    [Fact]
    public void Members_are_sorted_by_utf16_code_units_not_by_code_points()
    {
        // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB33 although its code point is larger.
        Assert.Equal("{\"\ud83d\ude00\":2,\"\ufb33\":1}", Canonical("{\"\ufb33\":1,\"\ud83d\ude00\":2}"));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(123.456, "123.456")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e21, "1.5e+21")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(4.5e-7, "4.5e-7")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void Numbers_are_written_as_ecmascript_does(double value, string expected) =>
        Assert.Equal(expected, JsonCanonicalizer.FormatNumber(value));

    [Fact]
    public void A_named_top_level_member_is_left_out_but_a_nested_one_of_that_name_stays()
    {
        bool ok = JsonCanonicalizer.TryCanonicalize("{\"sig\":\"x\",\"a\":{\"sig\":1}}"u8, "sig", out byte[] canonical);
        Assert.True(ok);
        Assert.Equal("{\"a\":{\"sig\":1}}", Encoding.UTF8.GetString(canonical));
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":\"\\ud800\"}")]
    [InlineData("{\"a\":1")]
    [InlineData("{\"a\":1e400}")]
    public void Input_that_is_not_i_json_is_refused(string input) =>
        Assert.False(JsonCanonicalizer.TryCanonicalize(Encoding.UTF8.GetBytes(input), null, out _));

    [Fact]
    public void Different_spellings_of_the_same_value_give_the_same_bytes() =>
        Assert.Equal(Canonical("{\"n\":1.0E2,\"s\":\"\\u00e9\"}"), Canonical("{ \"s\" : \"é\", \"n\" : 100 }"));

    private static string Canonical(string json)
    {
        Assert.True(JsonCanonicalizer.TryCanonicalize(Encoding.UTF8.GetBytes(json), null, out byte[] canonical));
        return Encoding.UTF8.GetString(canonical);
    }
}
