using Detector.Cli.Tests.Support;
using Xunit;

namespace Detector.Cli.Tests.Contracts;

/// <summary>The schema check the end-to-end tests rely on really rejects lines that break the contracts.</summary>
public sealed class SchemaValidatorTests
{
    private const string DeadLetter = """{"reason":"not_json","detail":"the record is not valid JSON","source":"events.jsonl:3","original_base64":"e30="}""";
    private const string Score = """{"session_id":"s-1","agent_id":"spiffe://corp.example/agent/a","score":0.25,"alerts":0}""";

    [Fact]
    public void Conforming_lines_pass()
    {
        Assert.Empty(ContractSchemas.Violations(ContractSchemas.DeadLetter, DeadLetter));
        Assert.Empty(ContractSchemas.Violations(ContractSchemas.SessionScore, Score));
    }

    [Theory]
    [InlineData(ContractSchemas.DeadLetter, "\"not_json\"", "\"duplicate\"")]
    [InlineData(ContractSchemas.DeadLetter, "\"source\":\"events.jsonl:3\",", "")]
    [InlineData(ContractSchemas.DeadLetter, "\"original_base64\"", "\"extra\":1,\"original_base64\"")]
    [InlineData(ContractSchemas.SessionScore, "0.25", "1.5")]
    [InlineData(ContractSchemas.SessionScore, "\"alerts\":0", "\"alerts\":-1")]
    [InlineData(ContractSchemas.SessionScore, "\"s-1\"", "\"\"")]
    public void A_line_that_breaks_its_contract_is_reported(string schema, string find, string replace)
    {
        string line = (schema == ContractSchemas.DeadLetter ? DeadLetter : Score).Replace(find, replace, StringComparison.Ordinal);

        Assert.NotEmpty(ContractSchemas.Violations(schema, line));
    }

    [Fact]
    public void A_quarantine_signal_of_another_type_is_reported()
    {
        const string signal = """
            {"specversion":"1.0","id":"q-1","source":"agentdrift://detector","type":"dev.agentdrift.quarantine.v1","subject":"spiffe://corp.example/agent/a",
             "time":"2026-01-05T09:00:00Z","datacontenttype":"application/json",
             "data":{"agent_id":"spiffe://corp.example/agent/a","session_id":"s-1","action":"step_up","credential_ids":[],"alert_ids":["a-1"],
                     "severity":"medium","reason":"r","expires_at":"2026-01-05T10:00:00Z","model_version":"m"}}
            """;

        Assert.Empty(ContractSchemas.Violations(ContractSchemas.Signal, signal));
        Assert.NotEmpty(ContractSchemas.Violations(ContractSchemas.Signal, signal.Replace("quarantine.v1", "quarantine.v2", StringComparison.Ordinal)));
        Assert.NotEmpty(ContractSchemas.Violations(ContractSchemas.Signal, signal.Replace("\"1.0\"", "\"0.3\"", StringComparison.Ordinal)));
        Assert.NotEmpty(ContractSchemas.Violations(ContractSchemas.Signal, signal.Replace("step_up", "delete_agent", StringComparison.Ordinal)));
        Assert.NotEmpty(ContractSchemas.Violations(ContractSchemas.Signal, signal.Replace("2026-01-05T10:00:00Z", "in an hour", StringComparison.Ordinal)));
    }
}
