using System.Text.Json;

namespace Detector.TestSupport;

/// <summary>
/// dashboard.cjs in Debian's headless Chromium, driven by playwright-core: waits for an alert in the
/// live feed, checks its explanation, opens its evidence chain and an agent's baseline, and saves a
/// screenshot of each (dashboard.png, dashboard-agent.png).
/// </summary>
public static class DashboardScript
{
    /// <returns>The detail panel's title and the evidence steps' event ids, as the page shows them.</returns>
    /// <exception cref="InvalidOperationException">A tool is missing or the page did not behave (the script's output says how).</exception>
    public static async Task<(string Title, IReadOnlyList<string> EventIds)> RunAsync(Uri dashboard, string alertId, string explanation, string screenshots)
    {
        RepositoryRoot.RequireTool("/usr/bin/chromium", "apt package chromium");
        string playwright = Path.Combine(RepositoryRoot.Path, ".build", "node", "node_modules", "playwright-core");
        RepositoryRoot.RequireTool(Path.Combine(playwright, "package.json"), "npm playwright-core@1.64.1 into .build/node");
        string node = RepositoryRoot.RequireTool("/usr/bin/node", "apt package nodejs");
        using var scratch = new TempDirectory("agentdrift-chromium");
        File.WriteAllText(scratch.File("explanation.txt"), explanation);

        var (code, output) = await ToolRun.RunAsync(node,
            [Path.Combine(RepositoryRoot.Path, "tests", "Detector.TestSupport", "dashboard.cjs"), dashboard.ToString(), alertId, scratch.File("explanation.txt"), screenshots, scratch.File("profile")],
            environment: new Dictionary<string, string> { ["PLAYWRIGHT_CORE"] = playwright }, timeout: TimeSpan.FromSeconds(90));
        if (code != 0)
            throw new InvalidOperationException("the dashboard script failed:\n" + output);
        using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        return (result.RootElement.GetProperty("title").GetString()!, result.RootElement.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()!).ToList());
    }
}
