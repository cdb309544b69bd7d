using System.Text;
using Detector.Domain.Events;
using Detector.Scoring.Profiles;
using Xunit;

namespace Detector.Scoring.Tests.Profiles;

public sealed class ResourcePatternTests
{
    /// <summary>The pattern hash of a resource held as a string (an event built in code, not parsed).</summary>
    private static ulong Of(string resource) => ResourcePattern.Hash(new Utf8Field { Text = resource });

    [Theory]
    [InlineData("s3://corp/customers/88123.parquet", "s3://corp/customers/90411.parquet")]
    [InlineData("zendesk/acme/tickets/12408", "zendesk/acme/tickets/7")]
    [InlineData("api/objects/3f2504e0-4f89-11d3-9a0c-0305e82c3301?expand=all", "api/objects/9a0c0305-4f89-11d3-3f25-04e04f8911d3?expand=all")]
    [InlineData("jira/ACC-12752", "jira/ACC-4411")]
    public void Identifier_segments_do_not_make_a_new_pattern(string resource, string sameShape) =>
        Assert.Equal(Of(resource), Of(sameShape));

    [Theory]
    [InlineData("s3://corp/customers/88123.parquet", "s3://corp/customers/88123.csv")]
    [InlineData("zendesk/acme/tickets/12408", "zendesk/globex/tickets/12408")]
    [InlineData("api/objects/1?expand=all", "api/objects/1?expand=none")]
    [InlineData("docs/handbook", "docs/payroll")]
    public void Names_extensions_and_parameters_do(string resource, string other) =>
        Assert.NotEqual(Of(resource), Of(other));

    [Fact]
    public void New_ids_share_a_pattern_and_a_new_collection_does_not()
    {
        ulong one = Of("crm/acme/customers/9761837");
        Assert.Equal(one, Of("crm/acme/customers/1289965"));
        Assert.NotEqual(one, Of("crm/acme/payroll/1289965"));
    }

    [Theory]
    [InlineData("crm/acme/customers/9761837")]
    [InlineData("crm/zürich/kunden/4711/änderungen")]
    [InlineData("")]
    public void A_parsed_resource_hashes_like_its_string(string resource)
    {
        var field = new Utf8Field();
        field.SetUtf8(Encoding.UTF8.GetBytes(resource));
        Assert.Equal(Of(resource), ResourcePattern.Hash(field));
    }

    [Fact]
    public void A_resource_longer_than_the_stack_buffer_hashes_like_its_string()
    {
        string resource = "s3://corp/" + string.Join('/', Enumerable.Range(0, 120).Select(i => $"part{i}"));
        var field = new Utf8Field();
        field.SetUtf8(Encoding.UTF8.GetBytes(resource));
        Assert.True(resource.Length > 512);
        Assert.Equal(Of(resource), ResourcePattern.Hash(field));
    }
}
