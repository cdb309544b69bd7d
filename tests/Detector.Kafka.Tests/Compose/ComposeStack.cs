using System.Diagnostics;
using Detector.Kafka.Tests.Support;
using Detector.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Detector.Kafka.Tests.Compose;

/// <summary>
/// compose/docker-compose.yml as docker-compose resolves it (`config`: anchors merged, variables
/// substituted, host paths absolute), for tests of how the services are wired to each other.
/// </summary>
internal sealed class ComposeStack
{
    public static readonly string Directory = Repository.Path("compose");

    /// <summary>Every variable the file requires, set to values the services accept.</summary>
    public static IReadOnlyDictionary<string, string> Secrets { get; } = new Dictionary<string, string>
    {
        ["AGENTDRIFT_SIGNING_SECRET"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["AGENTDRIFT_WEB_TOKEN"] = "compose-test-token-0123456789",
        ["AGENTDRIFT_INFLUX_TOKEN"] = "compose-test-influx-token",
        ["AGENTDRIFT_ADMIN_PASSWORD"] = "compose-test-password",
    };

    private readonly YamlMappingNode _services;

    private ComposeStack(YamlMappingNode root)
    {
        _services = (YamlMappingNode)root["services"];
    }

    public IEnumerable<string> ServiceNames => _services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    /// <summary>Runs `docker-compose config` with these variables (the rest unset); exit code and all output.</summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> ConfigAsync(IReadOnlyDictionary<string, string> variables)
    {
        var info = new ProcessStartInfo(RepositoryRoot.RequireTool("/usr/bin/docker-compose", "apt package docker-compose"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { "-f", System.IO.Path.Combine(Directory, "docker-compose.yml"), "config" })
            info.ArgumentList.Add(a);
        foreach (string name in Secrets.Keys)
            info.Environment.Remove(name);
        foreach (var (name, value) in variables)
            info.Environment[name] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start docker-compose");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The file as resolved with every required variable set; fails the test with docker-compose's output otherwise.</summary>
    public static async Task<ComposeStack> LoadAsync()
    {
        var (code, stdout, stderr) = await ConfigAsync(Secrets);
        if (code != 0)
            throw new InvalidOperationException($"docker-compose config exited with {code}:\n{stderr}");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(stdout));
        return new ComposeStack((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    public bool Has(string service) => _services.Children.ContainsKey(service);

    public IReadOnlyDictionary<string, string> Environment(string service) =>
        Service(service).Children.TryGetValue("environment", out var e)
            ? ((YamlMappingNode)e).Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!)
            : new Dictionary<string, string>();

    public IReadOnlyList<string> Command(string service) => Strings(Service(service), "command");

    public IReadOnlyList<string> Tmpfs(string service) => Strings(Service(service), "tmpfs");

    /// <summary>The container ports the service publishes.</summary>
    public IReadOnlyList<int> TargetPorts(string service) => Service(service).Children.TryGetValue("ports", out var ports)
        ? ((YamlSequenceNode)ports).Cast<YamlMappingNode>().Select(p => int.Parse(((YamlScalarNode)p["target"]).Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList()
        : [];

    /// <summary>The service's mounts: the host path (absolute) or volume name, and where it appears in the container.</summary>
    public IReadOnlyList<(string Source, string Target)> Volumes(string service) => Strings(Service(service), "volumes")
        .Select(v => v.Split(':'))
        .Select(parts => (parts[0], parts[1]))
        .ToList();

    /// <summary>The container path a file or folder of compose/ is mounted at.</summary>
    public string MountOf(string service, string relativePath)
    {
        string source = System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, relativePath));
        return Volumes(service).Single(v => v.Source == source).Target;
    }

    private YamlMappingNode Service(string name) => (YamlMappingNode)_services[name];

    private static IReadOnlyList<string> Strings(YamlMappingNode node, string key) => node.Children.TryGetValue(key, out var value)
        ? value is YamlSequenceNode s ? s.Cast<YamlScalarNode>().Select(n => n.Value!).ToList() : [((YamlScalarNode)value).Value!]
        : [];
}
