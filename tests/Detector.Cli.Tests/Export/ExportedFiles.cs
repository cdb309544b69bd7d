using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Detector.Cli.Tests.Export;

/// <summary>The two files of one export read back: the CSV by the test's own RFC 4180 reader, the JSONL as JSON objects.</summary>
internal sealed record ExportedFiles(string[] Header, IReadOnlyList<string[]> CsvRows, IReadOnlyList<JsonObject> JsonRows)
{
    public static ExportedFiles Read(string directory, string prefix)
    {
        var csv = Rfc4180.Parse(File.ReadAllText(Path.Combine(directory, prefix + ".csv")));
        var json = File.ReadLines(Path.Combine(directory, prefix + ".jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        return new ExportedFiles(csv[0], csv.Skip(1).ToList(), json);
    }

    /// <summary>The CSV row of a session, by column name.</summary>
    public Dictionary<string, string> Csv(string sessionId) => CsvRows
        .Select(r => Header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
        .Single(r => r["session_id"] == sessionId);

    /// <summary>The JSONL row of a session, by session id.</summary>
    public JsonObject Json(string sessionId) => JsonRows.Single(r => (string)r["session_id"]! == sessionId);

    /// <summary>Both files hold the same rows in the same order, with the same columns, cell for cell.</summary>
    public void AssertAgree()
    {
        Assert.Equal(JsonRows.Count, CsvRows.Count);
        for (int i = 0; i < JsonRows.Count; i++)
        {
            var json = JsonRows[i];
            Assert.Equal(Header, json.Select(kv => kv.Key));
            Assert.Equal(Header.Length, CsvRows[i].Length);
            for (int c = 0; c < Header.Length; c++)
                AssertSame(json[Header[c]], CsvRows[i][c], $"row {i + 1}, column {Header[c]}");
        }
    }

    private static void AssertSame(JsonNode? json, string csv, string where)
    {
        switch (json?.GetValueKind())
        {
            case null:
                Assert.True(csv.Length == 0, $"{where}: null in JSONL but '{csv}' in CSV");
                break;
            case JsonValueKind.Number:
                Assert.True(json.GetValue<double>() == double.Parse(csv, CultureInfo.InvariantCulture), $"{where}: {json} in JSONL, '{csv}' in CSV");
                break;
            case JsonValueKind.Array:
                Assert.True(string.Join(';', json.AsArray().Select(n => (string)n!)) == csv, $"{where}: {json.ToJsonString()} in JSONL, '{csv}' in CSV");
                break;
            default:
                Assert.True((string)json! == csv, $"{where}: {json.ToJsonString()} in JSONL, '{csv}' in CSV");
                break;
        }
    }
}
