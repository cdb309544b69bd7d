using Detector.Domain.Identity;
using Detector.Domain.Time;
using Detector.Scoring.Bindings;
using Xunit;

namespace Detector.Scoring.Tests.Bindings;

public sealed class InMemoryBindingTableTests
{
    private static readonly EventTime Noon = EventTime.Parse("2026-01-05T12:00:00Z");

    private static readonly AgentId Agent = new("spiffe://corp.example/agent/pay-1");

    private static CredentialBinding Binding(string session, EventTime lastUse) =>
        new(Agent, CredentialBinding.SessionHash(new SessionId(session)), Noon, lastUse, Noon + TimeSpan.FromMinutes(30));

    [Fact]
    public void A_credential_is_found_by_its_id_and_only_by_it()
    {
        var table = new InMemoryBindingTable(100, TimeSpan.FromHours(24), TimeSpan.FromHours(4));
        table.RecordCredential("cred_a", Binding("s-1", Noon));
        table.RecordCredential("cred_b", Binding("s-2", Noon));

        Assert.True(table.FindCredential("cred_a")!.Value.IsOwnedBy(Agent, CredentialBinding.SessionHash(new SessionId("s-1"))));
        Assert.True(table.FindCredential("cred_b")!.Value.IsOwnedBy(Agent, CredentialBinding.SessionHash(new SessionId("s-2"))));
        Assert.False(table.FindCredential("cred_b")!.Value.IsOwnedBy(Agent, CredentialBinding.SessionHash(new SessionId("s-1"))));
        Assert.Null(table.FindCredential("cred_c"));
    }

    [Fact]
    public void Recording_a_credential_again_replaces_its_binding()
    {
        var table = new InMemoryBindingTable(100, TimeSpan.FromHours(24), TimeSpan.FromHours(4));
        table.RecordCredential("cred_a", Binding("s-1", Noon));
        table.RecordCredential("cred_a", Binding("s-1", Noon + TimeSpan.FromMinutes(5)));

        Assert.Equal(Noon + TimeSpan.FromMinutes(5), table.FindCredential("cred_a")!.Value.LastUse);
        Assert.Equal(1, table.Size.Count);
    }

    [Fact]
    public void Bindings_last_used_beyond_the_retention_expire_as_new_ones_arrive()
    {
        var table = new InMemoryBindingTable(100, TimeSpan.FromHours(24), TimeSpan.FromHours(4));
        table.RecordCredential("cred_old", Binding("s-1", Noon));
        table.RecordCredential("cred_recent", Binding("s-2", Noon + TimeSpan.FromHours(20)));
        table.RecordCredential("cred_new", Binding("s-3", Noon + TimeSpan.FromHours(25)));

        Assert.Null(table.FindCredential("cred_old"));
        Assert.NotNull(table.FindCredential("cred_recent"));
        Assert.Equal(1, table.Expired);
    }

    [Fact]
    public void A_late_copy_of_a_binding_that_expired_stays_invisible_to_later_events()
    {
        var table = new InMemoryBindingTable(100, TimeSpan.FromHours(24), TimeSpan.FromHours(4));
        table.RecordCredential("cred_old", Binding("s-1", Noon));
        table.RecordCredential("cred_new", Binding("s-2", Noon + TimeSpan.FromHours(25)));

        // The shared topic delivers a copy of the old binding after it expired here.
        table.RecordCredential("cred_old", Binding("s-1", Noon));

        Assert.Null(table.FindCredential("cred_old", Noon + TimeSpan.FromHours(25)));
        Assert.NotNull(table.FindCredential("cred_old", Noon + TimeSpan.FromHours(23)));
    }

    [Fact]
    public void A_binding_past_the_retention_is_not_returned_though_eviction_has_not_reached_it()
    {
        var table = new InMemoryBindingTable(100, TimeSpan.FromHours(24), TimeSpan.FromHours(4));
        table.RecordCredential("cred_a", Binding("s-1", Noon));
        table.RecordCredential("cred_b", Binding("s-2", Noon + TimeSpan.FromHours(2)));
        table.RecordCredential("cred_a", Binding("s-1", Noon)); // touched again: cred_b is now the least recently written
        table.RecordCredential("cred_c", Binding("s-3", Noon + TimeSpan.FromHours(25)));

        var now = Noon + TimeSpan.FromHours(25);
        Assert.NotNull(table.FindCredential("cred_a"));
        Assert.Null(table.FindCredential("cred_a", now));
        Assert.NotNull(table.FindCredential("cred_b", now));
    }

    [Fact]
    public void A_session_binding_is_returned_only_to_events_within_its_retention()
    {
        var table = new InMemoryBindingTable(100, TimeSpan.FromHours(24), TimeSpan.FromHours(4));
        table.RecordSession(new SessionBinding(new SessionKey(Agent, new SessionId("parent")), "payments", "pay invoices", "acme", Noon, Noon));

        Assert.NotNull(table.FindSession(Agent, new SessionId("parent"), Noon + TimeSpan.FromHours(3)));
        Assert.Null(table.FindSession(Agent, new SessionId("parent"), Noon + TimeSpan.FromHours(5)));
    }
}
