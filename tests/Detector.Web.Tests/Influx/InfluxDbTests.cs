using Detector.Observability.Influx;
using Detector.TestSupport;
using Detector.Web.Tests.Support;
using Xunit;

namespace Detector.Web.Tests.Influx;

/// <summary>The 1.x path against a real influxd (Debian influxdb 1.6), started per test on free ports with its own directories.</summary>
public sealed class InfluxDbTests
{
    [Fact]
    public async Task Per_agent_window_points_from_a_replay_are_written_to_influxdb_1_and_read_back_with_influxql()
    {
        await using var influx = await InfluxServer.StartAsync();
        Web.Hosting.DetectorSurfaces surfaces;
        await using (var host = await SurfaceHost.StartAsync(o => o.Influx = new InfluxOptions
        {
            Url = influx.Url,
            Api = InfluxApi.V1,
            Database = InfluxServer.Database,
            FlushInterval = TimeSpan.FromMilliseconds(100),
        }))
        {
            await AttackReplay.RunAsync(host.Surfaces);
            surfaces = host.Surfaces;
        }
        Assert.Equal(0, surfaces.Influx.Dropped);

        string agent = AgentTraffic.Agent(0);
        int agentEvents = new AgentTraffic().Lines.Count(l => l.Contains(agent, StringComparison.Ordinal));
        using var sums = await influx.QueryAsync($"SELECT SUM(\"events\"), MAX(\"risk_max\"), SUM(\"alerts\") FROM agentdrift_agent WHERE agent = '{agent}'");
        var row = sums.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values")[0];
        Assert.Equal(agentEvents, row[1].GetInt64());
        Assert.True(row[2].GetDouble() > 0.9);
        Assert.True(row[3].GetInt64() > 0);
        using var attack = await influx.QueryAsync($"SELECT \"transfers\", \"destinations\" FROM agentdrift_agent WHERE agent = '{agent}' AND transfers > 0");
        var windows = attack.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values");
        Assert.Equal(4, windows.EnumerateArray().Sum(w => w[1].GetInt64()));
    }

    [Fact]
    public async Task Tag_values_with_spaces_commas_and_equals_signs_survive_the_round_trip()
    {
        await using var influx = await InfluxServer.StartAsync();
        using var http = new HttpClient();
        await using (var writer = new InfluxWriter(new InfluxOptions { Url = influx.Url, Database = InfluxServer.Database, FlushInterval = TimeSpan.FromMilliseconds(50) }, http))
            writer.TryWrite(new LinePoint("escape test", Detector.Domain.Time.EventTime.Parse("2026-01-05T10:00:00Z")).Tag("agent", "a b,c=d").Field("v", 1.5));

        using var result = await influx.QueryAsync("SELECT * FROM \"escape test\"");
        var series = result.RootElement.GetProperty("results")[0].GetProperty("series")[0];
        var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
        var values = series.GetProperty("values")[0];
        Assert.Equal("a b,c=d", values[columns.IndexOf("agent")].GetString());
        Assert.Equal(1.5, values[columns.IndexOf("v")].GetDouble());
        Assert.Equal(1767607200000, values[0].GetInt64());
    }
}
