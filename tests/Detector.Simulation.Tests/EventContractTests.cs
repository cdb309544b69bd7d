using System.Text.RegularExpressions;
using Detector.Domain.Time;
using Xunit;

namespace Detector.Simulation.Tests;

[Collection(SmallFleetCollection.Name)]
public sealed partial class EventContractTests(SmallFleet fleet)
{
    private readonly SimulationRun _run = fleet.Run;

    [Fact]
    public void Every_line_of_both_files_is_an_accepted_tool_event()
    {
        foreach (var record in _run.HistoryRecords.Concat(_run.EventRecords))
        {
            var result = SimulationRun.Parse(record);
            Assert.True(result.IsAccepted, result.Describe() + ": " + System.Text.Encoding.UTF8.GetString(record));
        }
        Assert.Equal(_run.HistoryLines.Count, _run.History.Count);
        Assert.Equal(_run.EventLines.Count, _run.Events.Count);
    }

    [Fact]
    public void Both_files_use_bare_line_feeds_and_end_with_one()
    {
        foreach (var bytes in new[] { _run.HistoryBytes, _run.EventBytes, _run.LabelBytes })
        {
            Assert.Equal((byte)'\n', bytes[^1]);
            Assert.DoesNotContain((byte)'\r', bytes);
        }
    }

    [Fact]
    public void Event_ids_are_unique_across_both_files()
    {
        var ids = _run.History.Concat(_run.Events).Select(e => e.EventId).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Timestamps_are_utc_with_exactly_three_fraction_digits()
    {
        foreach (string line in _run.HistoryLines.Concat(_run.EventLines))
        {
            var times = TimeField().Matches(line);
            Assert.NotEmpty(times);
            Assert.All(times, m => Assert.Matches(MillisecondUtc(), m.Groups[1].Value));
        }
    }

    [Fact]
    public void Agent_ids_are_spiffe_ids_in_more_than_one_naming_scheme()
    {
        var agents = _run.History.Select(e => e.Agent.Value).Distinct().ToList();
        Assert.All(agents, a => Assert.StartsWith("spiffe://", a, StringComparison.Ordinal));
        var schemes = agents.Select(a => SchemeOf().Match(a).Value).Distinct().ToList();
        Assert.True(schemes.Count >= 3, string.Join(", ", schemes));
    }

    [Fact]
    public void Each_file_is_in_time_order_but_for_a_few_late_deliveries_of_seconds()
    {
        foreach (var events in new[] { _run.History, _run.Events })
        {
            var latest = EventTime.MinValue;
            int late = 0;
            foreach (var e in events)
            {
                if (e.Time < latest)
                {
                    late++;
                    Assert.True(latest - e.Time <= TimeSpan.FromSeconds(30), $"{e.EventId} is {latest - e.Time} late");
                }
                latest = EventTime.Max(latest, e.Time);
            }
            Assert.InRange(late / (double)events.Count, 0.0005, 0.01);
        }
    }

    [Fact]
    public void The_test_period_continues_the_history_timeline()
    {
        var start = EventTime.FromDateTimeOffset(_run.Options.Start);
        var testStart = start + TimeSpan.FromDays(_run.Options.HistoryDays);
        var end = testStart + TimeSpan.FromDays(_run.Options.TestDays);
        Assert.All(_run.History.GroupBy(e => e.Session), s => Assert.InRange(s.Min(e => e.Time).UtcTicks, start.UtcTicks, testStart.UtcTicks));
        Assert.All(_run.Events.GroupBy(e => e.Session), s => Assert.InRange(s.Min(e => e.Time).UtcTicks, testStart.UtcTicks, end.UtcTicks));
        Assert.True(_run.Events.Min(e => e.Time) - _run.History.Max(e => e.Time) < TimeSpan.FromHours(12));
        // The same fleet in both periods (a mostly idle agent may sit out a short history).
        var roster = Detector.Simulation.Fleet.FleetBuilder.Build(_run.Options.Seed, _run.Options.Agents).Agents.Select(a => a.Id).ToHashSet();
        Assert.All(_run.Events.Concat(_run.History), e => Assert.Contains(e.Agent.Value, roster));
        var historyAgents = _run.History.Select(e => e.Agent).ToHashSet();
        var testAgents = _run.Events.Select(e => e.Agent).Distinct().ToList();
        Assert.True(testAgents.Count(historyAgents.Contains) >= testAgents.Count * 0.8);
    }

    [Fact]
    public void Full_events_carry_the_fields_that_describe_the_call()
    {
        foreach (var e in _run.Events)
        {
            Assert.NotEqual(Detector.Domain.Events.ToolAction.Unknown, e.Action);
            Assert.NotEqual(Detector.Domain.Events.Sensitivity.Unknown, e.Sensitivity);
            Assert.False(string.IsNullOrEmpty(e.Tenant));
            Assert.False(string.IsNullOrEmpty(e.Intent));
            Assert.EndsWith("@corp.example", e.Sponsor, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(e.CredentialId));
            Assert.NotNull(e.CredentialExpiresAt);
            Assert.NotNull(e.BytesOut);
            Assert.NotNull(e.LatencyMs);
        }
        Assert.Contains(_run.Events, e => e.Destination is not null);
        Assert.Contains(_run.Events, e => e.ApprovalId is not null);
        Assert.Contains(_run.Events, e => e.Arguments.Count > 0);
        Assert.Contains(_run.Events, e => e.Outcome == Detector.Domain.Events.Outcome.Error);
        Assert.Contains(_run.Events, e => e.Outcome == Detector.Domain.Events.Outcome.Denied);
    }

    [Fact]
    public void Benign_credentials_last_15_to_60_minutes_and_long_sessions_renew_them()
    {
        var malicious = _run.Labels.Where(l => l.Malicious).Select(l => l.SessionId).ToHashSet();
        var sessions = _run.History.Concat(_run.Events).Where(e => !malicious.Contains(e.Session.Value)).GroupBy(e => e.Session.Value).ToList();
        foreach (var credential in sessions.SelectMany(s => s).GroupBy(e => e.CredentialId))
        {
            var first = credential.Min(e => e.Time);
            var expires = credential.First().CredentialExpiresAt!.Value;
            Assert.InRange(expires - first, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(61));
            Assert.True(credential.Max(e => e.Time) <= expires + TimeSpan.FromSeconds(25), $"credential {credential.Key} used well after expiry");
        }
        Assert.Contains(sessions, s => s.Select(e => e.CredentialId).Distinct().Count() > 1);
    }

    [Fact]
    public void Delegated_sessions_name_a_parent_session_that_started_earlier()
    {
        var all = _run.History.Concat(_run.Events).ToList();
        var starts = all.GroupBy(e => e.Session).ToDictionary(g => g.Key, g => (Agent: g.First().Agent, Start: g.Min(e => e.Time)));
        var children = all.Where(e => e.IsDelegated).GroupBy(e => e.Session).ToList();
        Assert.NotEmpty(children);
        foreach (var child in children)
        {
            var e = child.First();
            Assert.True(starts.TryGetValue(e.ParentSession, out var parent), $"parent {e.ParentSession} missing");
            Assert.Equal(parent.Agent, e.ParentAgent);
            Assert.True(parent.Start < starts[child.Key].Start);
            Assert.All(child, x => Assert.Equal(e.ParentSession, x.ParentSession));
        }
    }

    [Fact]
    public void Progress_is_reported_once_per_day_and_ends_at_one()
    {
        Assert.Equal(_run.Options.HistoryDays + _run.Options.TestDays, _run.Progress.Count);
        Assert.Equal(1.0, _run.Progress[^1]);
        Assert.Equal(_run.Progress.Order(), _run.Progress);
    }

    [GeneratedRegex("\"(?:time|credential_expires_at)\":\"([^\"]*)\"")]
    private static partial Regex TimeField();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex MillisecondUtc();

    [GeneratedRegex(@"^spiffe://[^/]+/[a-z]+")]
    private static partial Regex SchemeOf();
}
