using System.Text;
using Detector.Domain.Events;
using Detector.Domain.Ingest;
using Xunit;

namespace Detector.Domain.Tests.Events;

public sealed class Utf8FieldTests
{
    [Theory]
    [InlineData("s3://corp/customers/88123.parquet")]
    [InlineData("crm/zürich/kunden/4711")]
    [InlineData("")]
    public void Bytes_read_as_the_same_text_hash_and_characters_as_the_string(string text)
    {
        var field = new Utf8Field();
        field.SetUtf8(Encoding.UTF8.GetBytes(text));

        Assert.Equal(StableHash.Of(text), field.Hash());
        Assert.Equal(text, field.Chars(stackalloc char[64]).ToString());
        Assert.Equal(text, field.Text);
        Assert.Equal(StableHash.Of(text), field.Hash());
    }

    [Fact]
    public void A_value_too_long_for_the_buffer_is_read_through_a_string()
    {
        var text = new string('x', 100);
        var field = new Utf8Field();
        field.SetUtf8(Encoding.UTF8.GetBytes(text));

        Assert.Equal(text, field.Chars(stackalloc char[16]).ToString());
    }

    [Fact]
    public void A_reused_field_holds_only_its_latest_value()
    {
        var field = new Utf8Field();
        field.SetUtf8("a-longer-value"u8);
        Assert.Equal("a-longer-value", field.Text);
        field.SetUtf8("short"u8);
        Assert.Equal("short", field.Text);

        field.Text = null;
        Assert.True(field.IsNull);
        Assert.Equal(0UL, field.Hash());
        Assert.True(field.Chars(stackalloc char[16]).IsEmpty);

        field.Text = "set";
        Assert.False(field.IsNull);
        Assert.Equal(StableHash.Of("set"), field.Hash());
    }
}
