using Detector.TestSupport;
using Detector.Web.Tests.Support;
using Xunit;

namespace Detector.Web.Tests.Browser;

/// <summary>
/// The dashboard in headless Chromium against a real Kestrel fed by a replay (the same check against a
/// running demo is in the Kafka tests, which leave the README's screenshots).
/// </summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task The_injected_attack_appears_in_the_live_feed_with_its_explanation_and_its_evidence_chain_opens()
    {
        await using var host = await SurfaceHost.StartAsync();
        var replay = await AttackReplay.RunAsync(host.Surfaces);
        using var screenshots = new TempDirectory("agentdrift-screenshots");

        var (title, eventIds) = await DashboardScript.RunAsync(host.BaseAddress, replay.AttackAlert.AlertId, replay.AttackAlert.Explanation, screenshots.Path);

        Assert.Equal("Alert " + replay.AttackAlert.AlertId, title);
        Assert.Equal(replay.AttackAlert.Evidence.Select(e => e.EventId), eventIds);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(screenshots.File("dashboard.png"))[..4]);
    }
}
