using Detector.TestSupport;
using Xunit;

namespace Detector.Web.Tests.Metrics;

/// <summary>Checks exposition text with the real promtool (Debian prometheus package).</summary>
internal static class Promtool
{
    public static string Path => RepositoryRoot.RequireTool("/usr/bin/promtool", "apt package prometheus");

    public static async Task AssertValidAsync(string exposition)
    {
        var (code, output) = await ToolRun.RunAsync(Path, ["check", "metrics"], exposition);
        Assert.True(code == 0, $"promtool check metrics failed:\n{output}\n--- exposition ---\n{exposition}");
    }
}
