using System.Text.Json.Nodes;
using Detector.TestSupport;
using NJsonSchema;

namespace Detector.Cli.Tests.Support;

/// <summary>The normative JSON Schemas of docs/schemas, loaded once from the checkout, and line-by-line validation of JSONL outputs.</summary>
internal static class ContractSchemas
{
    public const string Alert = "alert";
    public const string Signal = "quarantine-signal";
    public const string SessionScore = "session-score";
    public const string DeadLetter = "dead-letter";
    public const string ToolInvocation = "tool-invocation.v1";

    private static readonly Dictionary<string, Lazy<JsonSchema>> Schemas = new[] { Alert, Signal, SessionScore, DeadLetter, ToolInvocation }
        .ToDictionary(n => n, n => new Lazy<JsonSchema>(() => Load(n)), StringComparer.Ordinal);

    /// <summary>Every violation in the file, as "line N: what", empty when each line conforms.</summary>
    public static IReadOnlyList<string> FileViolations(string schema, string jsonlPath)
    {
        var violations = new List<string>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(jsonlPath))
        {
            lineNumber++;
            foreach (var error in Violations(schema, line))
                violations.Add($"{Path.GetFileName(jsonlPath)} line {lineNumber}: {error}");
        }
        return violations;
    }

    public static IEnumerable<string> Violations(string schema, string json) =>
        Schemas[schema].Value.Validate(json).Select(e => $"{e.Kind} at {e.Path}");

    /// <summary>
    /// NJsonSchema 11 ignores the "const" keyword (quarantine signals pin specversion and type with
    /// it), so each const becomes the single-value enum the specification defines it as before loading.
    /// </summary>
    private static JsonSchema Load(string name)
    {
        string path = Path.Combine(RepositoryRoot.Path, "docs", "schemas", name + ".schema.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        ConstAsEnum(root);
        return JsonSchema.FromJsonAsync(root.ToJsonString(), path).GetAwaiter().GetResult();
    }

    private static void ConstAsEnum(JsonNode node)
    {
        if (node is JsonObject o)
        {
            if (o["const"] is { } value)
            {
                o.Remove("const");
                o["enum"] = new JsonArray(value.DeepClone());
            }
            foreach (var (_, child) in o.ToList())
            {
                if (child is not null)
                    ConstAsEnum(child);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                if (child is not null)
                    ConstAsEnum(child);
            }
        }
    }
}
