using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Kafka.Tests.Signing;
using Detector.Pipeline.Enforcement;
using Detector.Pipeline.Enforcement.Signing;
using Detector.Scoring.Profiles;
using Detector.TestSupport;
using Xunit;

namespace Detector.Kafka.Tests.Enforcement;

public sealed class QuarantinePolicyTests
{
    [Theory]
    [InlineData(Severity.Low, QuarantineAction.None)]
    [InlineData(Severity.Medium, QuarantineAction.StepUp)]
    [InlineData(Severity.High, QuarantineAction.RevokeCredentials)]
    [InlineData(Severity.Critical, QuarantineAction.QuarantineAgent)]
    public void Actions_are_graded_by_the_most_severe_alert(Severity severity, QuarantineAction expected)
    {
        var decision = Policy(new QuarantineOptions()).Decide([Alerts.Of("a", Severity.Low, TimeSpan.Zero), Alerts.Of("a", severity, TimeSpan.Zero)], ["c-1"]);
        Assert.Equal(expected, decision.Signal?.Data.Action ?? QuarantineAction.None);
    }

    [Fact]
    public void A_signal_carries_the_session_credentials_alert_ids_and_an_expiry_from_its_cause()
    {
        var alert = Alerts.Of("a", Severity.High, TimeSpan.FromMinutes(3));
        var signal = Policy(new QuarantineOptions()).Decide([alert], ["c-1", "c-2"]).Signal!;

        Assert.Equal(["c-1", "c-2"], signal.Data.CredentialIds);
        Assert.Equal([alert.AlertId], signal.Data.AlertIds);
        Assert.Equal(alert.Time + TimeSpan.FromHours(24), signal.Data.ExpiresAt);
        var again = Policy(new QuarantineOptions()).Decide([alert], ["c-1", "c-2"]).Signal!;
        Assert.Equal(SignalSigningTests.Json(signal), SignalSigningTests.Json(again));
    }

    [Fact]
    public void A_signal_body_depends_on_its_alerts_identity_not_on_the_wording_of_their_explanation()
    {
        var alert = Alerts.Of("a", Severity.Critical, TimeSpan.Zero);
        var reworded = alert with { Explanation = "same alert, statistics quoted from a peer group that drifted", Score = 0.9999 };

        var first = Policy(new QuarantineOptions()).Decide([alert], ["c-1"]).Signal!;
        var second = Policy(new QuarantineOptions()).Decide([reworded], ["c-1"]).Signal!;

        Assert.Equal(SignalSigningTests.Json(first), SignalSigningTests.Json(second));
        Assert.Contains(alert.AlertId, first.Data.Reason, StringComparison.Ordinal);
        Assert.Contains("test_kind", first.Data.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_the_cooldown_only_a_stronger_action_goes_out()
    {
        var policy = Policy(new QuarantineOptions());
        Assert.NotNull(policy.Decide([Alerts.Of("a", Severity.High, TimeSpan.Zero)], []).Signal);
        Assert.Null(policy.Decide([Alerts.Of("a", Severity.High, TimeSpan.FromMinutes(5), "s-2")], []).Signal);
        Assert.NotNull(policy.Decide([Alerts.Of("a", Severity.Critical, TimeSpan.FromMinutes(6), "s-2")], []).Signal);
        Assert.NotNull(policy.Decide([Alerts.Of("a", Severity.High, TimeSpan.FromMinutes(30), "s-3")], []).Signal);
        Assert.Equal(1, policy.Suppressed);
    }

    [Fact]
    public void Cooldown_state_written_to_a_checkpoint_is_honoured_after_restore()
    {
        var options = new QuarantineOptions();
        var before = Policy(options);
        before.Decide([Alerts.Of("a", Severity.High, TimeSpan.Zero)], []);
        before.Decide([Alerts.Of("b", Severity.Medium, TimeSpan.Zero)], []);
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            before.WriteState(w);
        stream.Position = 0;
        var after = Policy(options);
        using (var r = new BinaryReader(stream))
            after.ReadState(r);

        Assert.Null(after.Decide([Alerts.Of("a", Severity.High, TimeSpan.FromMinutes(1), "s-9")], []).Signal);
        Assert.NotNull(after.Decide([Alerts.Of("b", Severity.High, TimeSpan.FromMinutes(1), "s-9")], []).Signal);
    }

    [Fact]
    public void Past_the_limit_the_breaker_withholds_every_signal_and_raises_one_critical_alert_per_opening()
    {
        var options = new QuarantineOptions { Cooldown = TimeSpan.Zero, CircuitBreaker = { MaxQuarantinesPerMinute = 3, OpenFor = TimeSpan.FromMinutes(10) } };
        var clock = new ManualTimeProvider(Alerts.Start.ToDateTimeOffset());
        var guard = new EnforcementGuard(options);
        var policy = new QuarantinePolicy(options, guard, clock);
        var decisions = Enumerable.Range(0, 6).Select(i => policy.Decide([Alerts.Of($"agent-{i}", Severity.High, TimeSpan.FromSeconds(i))], [])).ToList();

        Assert.Equal(3, decisions.Count(d => d.Signal is not null));
        var notice = Assert.Single(decisions, d => d.Notice is not null).Notice!;
        Assert.Equal(QuarantinePolicy.BreakerAlertKind, notice.Kind);
        Assert.Equal(Severity.Critical, notice.Severity);
        Assert.Equal(3, guard.WithheldBreakerOpen);
        Assert.Null(policy.Decide([Alerts.Of("x", Severity.Medium, TimeSpan.FromSeconds(9))], []).Signal);

        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.NotNull(policy.Decide([Alerts.Of("y", Severity.High, TimeSpan.FromMinutes(11))], []).Signal);
        Assert.Equal(1, guard.Breaker.Openings);
    }

    [Fact]
    public void Revocations_spread_over_minutes_do_not_open_the_breaker()
    {
        var options = new QuarantineOptions { Cooldown = TimeSpan.Zero, CircuitBreaker = { MaxQuarantinesPerMinute = 2 } };
        var clock = new ManualTimeProvider(Alerts.Start.ToDateTimeOffset());
        var policy = new QuarantinePolicy(options, new EnforcementGuard(options), clock);
        for (int i = 0; i < 10; i++)
        {
            Assert.NotNull(policy.Decide([Alerts.Of($"agent-{i}", Severity.High, TimeSpan.Zero)], []).Signal);
            clock.Advance(TimeSpan.FromSeconds(31));
        }
    }

    public static TheoryData<string, string, bool> MonitorOnlyScopes => new()
    {
        { "all", "spiffe://corp.example/agent/any", false },
        { "agent", "spiffe://corp.example/agent/new-model-1", true },
        { "role", "spiffe://corp.example/ns/finance/sa/payer-1", true },
    };

    [Theory]
    [MemberData(nameof(MonitorOnlyScopes))]
    public void Monitor_only_agents_are_alerted_on_but_never_enforced(string scope, string agent, bool othersEnforced)
    {
        var options = new QuarantineOptions
        {
            MonitorOnly = scope switch
            {
                "all" => new MonitorOnlyOptions { All = true },
                "agent" => new MonitorOnlyOptions { Agents = [agent] },
                _ => new MonitorOnlyOptions { Roles = [new PeerGroupRule { Pattern = "^spiffe://corp\\.example/ns/finance/", Group = "finance" }] },
            },
        };
        options.Validate();
        var guard = new EnforcementGuard(options);
        var policy = new QuarantinePolicy(options, guard, null);

        var decision = policy.Decide([Alerts.Of(agent, Severity.Critical, TimeSpan.Zero)], []);
        Assert.Null(decision.Signal);
        Assert.Equal(1, guard.WithheldMonitorOnly);
        var other = policy.Decide([Alerts.Of("spiffe://corp.example/agent/other", Severity.Critical, TimeSpan.Zero)], []);
        Assert.Equal(othersEnforced, other.Signal is not null);
    }

    [Fact]
    public void A_release_is_signed_names_the_analyst_and_never_maps_from_a_severity()
    {
        var keys = TestKeys.Options("k1", ("k1", TestKeys.Hs256()));
        var clock = new ManualTimeProvider(Alerts.Start.ToDateTimeOffset());
        var releases = new QuarantineReleases(new QuarantineOptions(), new SignalSigner(KeyRing.Load(keys)), clock);

        var release = releases.Release(new AgentId("spiffe://corp.example/agent/a"), new SessionId("s-1"), "alice", "false positive: approved change", ["alert-1"], "m-1");

        Assert.Equal(QuarantineAction.Release, release.Data.Action);
        Assert.Contains("alice", release.Data.Reason, StringComparison.Ordinal);
        Assert.Equal(Alerts.Start + TimeSpan.FromHours(24), release.Data.ExpiresAt);
        Assert.Equal(SignatureCheck.Valid, new SignalVerifier(KeyRing.Load(keys)).Check(SignalSigningTests.Json(release)));
        var invalid = new QuarantineOptions { Actions = { [Severity.High] = QuarantineAction.Release } };
        Assert.Throws<ArgumentException>(invalid.Validate);
    }

    private static QuarantinePolicy Policy(QuarantineOptions options) => new(options, new EnforcementGuard(options), null);
}
