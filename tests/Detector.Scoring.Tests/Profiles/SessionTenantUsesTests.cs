using Detector.Scoring.Profiles;
using Xunit;

namespace Detector.Scoring.Tests.Profiles;

public sealed class SessionTenantUsesTests
{
    [Fact]
    public void Counts_each_tenants_steps_apart()
    {
        var uses = new SessionTenantUses();
        uses.Add(10);
        uses.Add(20);
        uses.Add(10);

        Assert.Equal(2u, uses.Of(10));
        Assert.Equal(1u, uses.Of(20));
        Assert.Equal(0u, uses.Of(30));
    }

    [Fact]
    public void Tenants_past_the_first_four_count_no_uses_and_no_tenant_is_never_counted()
    {
        var uses = new SessionTenantUses();
        for (ulong tenant = 1; tenant <= 5; tenant++)
            uses.Add(tenant);
        uses.Add(0);

        Assert.Equal(1u, uses.Of(4));
        Assert.Equal(0u, uses.Of(5));
        Assert.Equal(0u, uses.Of(0));
    }

    [Fact]
    public void Round_trips_through_its_binary_form()
    {
        var uses = new SessionTenantUses();
        uses.Add(7);
        uses.Add(7);
        uses.Add(9);

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            uses.Write(writer);
        stream.Position = 0;
        var copy = new SessionTenantUses();
        copy.Read(new BinaryReader(stream));

        Assert.Equal(2u, copy.Of(7));
        Assert.Equal(1u, copy.Of(9));
    }
}
