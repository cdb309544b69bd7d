using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Detector.Hosting.Worker;
using Detector.Kafka.Tests.Support;
using Detector.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Detector.Kafka.Tests.Demo;

/// <summary>
/// The dashboard of a running demo in headless Chromium (Debian chromium, driven by playwright-core):
/// once the fleet is streamed, a known attack is injected into the embedded cluster; its alert must
/// appear in the live feed with its explanation and its evidence chain must open, and marking it a
/// false positive must put a signed release on the quarantine topic. Leaves the
/// README's screenshots in docs/.
/// </summary>
[Trait("Category", "Kafka")]
[Collection(KafkaCollection.Name)]
public sealed class DemoDashboardTests
{
    private const string Agent = "spiffe://corp.example/ns/finance/sa/injected-payments-bot";

    [Fact]
    public async Task An_attack_injected_into_the_running_demo_shows_in_the_feed_its_evidence_chain_opens_and_a_false_positive_mark_releases_its_quarantine()
    {
        var fleet = await TestFleet.Instance;
        string docs = Path.Combine(RepositoryRoot.Path, "docs");
        JsonElement? alert = null;
        (string Title, IReadOnlyList<string> EventIds)? page = null;
        List<JsonElement> releases = [];

        var demo = new EmbeddedDemo(new WorkerSettings { Urls = "http://127.0.0.1:0" }, fleet.Data, NullLoggerFactory.Instance, TimeProvider.System)
        {
            WhileLive = async (live, ct) =>
            {
                Topics.Produce(live.Kafka, live.Kafka.Topics.Input, Attack(DateTimeOffset.UtcNow), keyOf: Lines.AgentKey);
                var dashboard = new Uri(live.Addresses[0]);
                using var http = new HttpClient { BaseAddress = dashboard };
                alert = await FirstAlertOfAsync(http, ct);
                if (alert is not { } found)
                    return;
                string id = found.GetProperty("alert_id").GetString()!;
                page = await DashboardScript.RunAsync(dashboard, id, found.GetProperty("explanation").GetString()!, docs);

                // The analyst marks it a false positive: the quarantine it caused is lifted by a release signal.
                using var verdict = await http.PostAsJsonAsync("/api/feedback", new { alert_id = id, verdict = "false_positive", actor = "dana", reason = "vendor payment run" }, ct);
                verdict.EnsureSuccessStatusCode();
                releases = Topics.ReadAll(live.Kafka, live.Kafka.Topics.Quarantine, live.Kafka.Partitions)
                    .Select(r => JsonDocument.Parse(r.Value).RootElement.Clone())
                    .Where(e => e.GetProperty("data") is var d && d.GetProperty("action").GetString() == "release" && d.GetProperty("alert_ids").EnumerateArray().Any(a => a.GetString() == id))
                    .ToList();
            },
        };

        await demo.RunAsync(new DemoRequest(TimeSpan.FromSeconds(5), 1500), CancellationToken.None);

        var shown = alert ?? throw new InvalidOperationException("the injected attack raised no alert in /api/alerts");
        Assert.NotNull(page);
        Assert.Equal("Alert " + shown.GetProperty("alert_id").GetString(), page.Value.Title);
        Assert.Equal(shown.GetProperty("event_ids").EnumerateArray().Select(e => e.GetString()!), page.Value.EventIds);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(docs, "dashboard.png"))[..4]);
        var release = Assert.Single(releases);
        Assert.Equal(Agent, release.GetProperty("data").GetProperty("agent_id").GetString());
        Assert.StartsWith("released by dana", release.GetProperty("data").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(release.GetProperty("agentdriftsig").GetString()!);
    }

    /// <summary>A payments agent nobody has seen reads restricted ledgers, then moves money, on a credential that expired ten minutes ago.</summary>
    private static List<byte[]> Attack(DateTimeOffset now)
    {
        string session = "ses_injected_" + Guid.NewGuid().ToString("N")[..12];
        string expired = (now - TimeSpan.FromMinutes(10)).ToString("O", CultureInfo.InvariantCulture);
        string Event(int step, string tool, string action, string extra) =>
            $$"""{"event_id":"{{session}}-{{step}}","time":"{{(now - TimeSpan.FromSeconds(3 - step)).ToString("O", CultureInfo.InvariantCulture)}}","agent_id":"{{Agent}}","session_id":"{{session}}","tool":"{{tool}}","action":"{{action}}","credential_id":"cred-{{session}}","credential_expires_at":"{{expired}}",{{extra}}}""";
        return
        [
            Encoding.UTF8.GetBytes(Event(0, "ledger.read", "read", "\"resource\":\"ledger/accounts/88120\",\"sensitivity\":\"restricted\"")),
            Encoding.UTF8.GetBytes(Event(1, "ledger.read", "read", "\"resource\":\"ledger/accounts/88121\",\"sensitivity\":\"restricted\"")),
            Encoding.UTF8.GetBytes(Event(2, "payments.transfer", "transfer", "\"destination\":\"iban:GB33BUKB20201555555555\",\"bytes_out\":48000")),
        ];
    }

    /// <summary>The injected agent's first alert, as /api/alerts serves it, once the dashboard holds one.</summary>
    private static async Task<JsonElement?> FirstAlertOfAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var rows = JsonDocument.Parse(await http.GetStringAsync("/api/alerts?agent=" + Uri.EscapeDataString(Agent), cancellationToken));
            if (rows.RootElement.GetArrayLength() > 0)
                return rows.RootElement[rows.RootElement.GetArrayLength() - 1].GetProperty("alert").Clone();
            await Task.Delay(200, cancellationToken);
        }
        return null;
    }
}
