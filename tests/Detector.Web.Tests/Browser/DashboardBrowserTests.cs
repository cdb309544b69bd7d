using System.Text.Json;
using Detector.TestSupport;
using Detector.Web.Tests.Support;
using Xunit;

namespace Detector.Web.Tests.Browser;

/// <summary>The dashboard in headless Chromium (Debian chromium, driven by playwright-core from npm) against a real Kestrel fed by a replay.</summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task The_injected_attack_appears_in_the_live_feed_with_its_explanation_and_its_evidence_chain_opens()
    {
        RepositoryRoot.RequireTool("/usr/bin/chromium", "apt package chromium");
        string playwright = Path.Combine(RepositoryRoot.Path, ".build", "node", "node_modules", "playwright-core");
        RepositoryRoot.RequireTool(Path.Combine(playwright, "package.json"), "npm playwright-core@1.64.1 into .build/node");
        string node = RepositoryRoot.RequireTool("/usr/bin/node", "apt package nodejs");
        await using var host = await SurfaceHost.StartAsync();
        var replay = await AttackReplay.RunAsync(host.Surfaces);
        using var dir = new TempDirectory("agentdrift-chromium");
        File.WriteAllText(dir.File("explanation.txt"), replay.AttackAlert.Explanation);
        // The README's screenshots come from the running demo (Kafka tests); this one stays in the temp folder.
        string docs = dir.File("screenshots");
        Directory.CreateDirectory(docs);

        var (code, output) = await ToolRun.RunAsync(node,
            [Path.Combine(RepositoryRoot.Path, "tests", "Detector.Web.Tests", "Browser", "dashboard.cjs"), host.BaseAddress.ToString(),
             replay.AttackAlert.AlertId, dir.File("explanation.txt"), docs, dir.File("profile")],
            environment: new Dictionary<string, string> { ["PLAYWRIGHT_CORE"] = playwright }, timeout: TimeSpan.FromSeconds(90));

        Assert.True(code == 0, "the dashboard script failed:\n" + output);
        using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        Assert.Equal("Alert " + replay.AttackAlert.AlertId, result.RootElement.GetProperty("title").GetString());
        Assert.Equal(replay.AttackAlert.Evidence.Select(e => e.EventId), result.RootElement.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(docs, "dashboard.png"))[..4]);
    }
}
