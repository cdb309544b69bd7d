using System.Text.Json;
using Detector.TestSupport;

namespace Detector.Web.Tests.Support;

/// <summary>A real influxd 1.x with meta, data and WAL in a temp folder, HTTP and RPC on free loopback ports, and one database.</summary>
internal sealed class InfluxServer : IAsyncDisposable
{
    public const string Database = "agentdrift";

    private readonly ExternalService _process;
    private readonly TempDirectory _dir;
    private readonly HttpClient _client;

    private InfluxServer(ExternalService process, TempDirectory dir, Uri url)
    {
        _process = process;
        _dir = dir;
        Url = url;
        _client = new HttpClient { BaseAddress = url };
    }

    public Uri Url { get; }

    public static async Task<InfluxServer> StartAsync()
    {
        string influxd = RepositoryRoot.RequireTool("/usr/bin/influxd", "apt package influxdb");
        var dir = new TempDirectory("agentdrift-influx");
        int http = LoopbackPort.Next(), rpc = LoopbackPort.Next();
        File.WriteAllText(dir.File("influxdb.conf"), $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpc}"
            [meta]
              dir = "{dir.File("meta")}"
            [data]
              dir = "{dir.File("data")}"
              wal-dir = "{dir.File("wal")}"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [http]
              bind-address = "127.0.0.1:{http}"
              log-enabled = false
            [continuous_queries]
              enabled = false
            """);
        var process = ExternalService.Start(influxd, ["run", "-config", dir.File("influxdb.conf")], dir.Path);
        var server = new InfluxServer(process, dir, new Uri($"http://127.0.0.1:{http}"));
        await process.WaitUntilAsync(async () => (await server._client.GetAsync("ping")).IsSuccessStatusCode, TimeSpan.FromSeconds(20));
        using var created = await server._client.PostAsync("query?q=" + Uri.EscapeDataString("CREATE DATABASE " + Database), null);
        created.EnsureSuccessStatusCode();
        return server;
    }

    public async Task<JsonDocument> QueryAsync(string influxQl) =>
        JsonDocument.Parse(await _client.GetStringAsync($"query?db={Database}&epoch=ms&q={Uri.EscapeDataString(influxQl)}"));

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _process.DisposeAsync();
        _dir.Dispose();
    }
}
