using System.Globalization;
using System.Text.RegularExpressions;

namespace Detector.Cli.Tests.Support;

/// <summary>A finished CLI process: its arguments, exit code, its standard output bytes and its standard error.</summary>
internal sealed partial record CliRun(string[] Args, int ExitCode, byte[] StandardOutput, string StandardError)
{
    /// <summary>Everything printed, standard output then standard error, as text.</summary>
    public string Output => System.Text.Encoding.UTF8.GetString(StandardOutput) + StandardError;

    /// <summary>A count from the run summary table, by its row label ("records read", "rejected: not_json").</summary>
    public long SummaryCount(string row)
    {
        foreach (Match m in SummaryRow().Matches(Output))
        {
            if (m.Groups["label"].Value.Trim() == row)
                return long.Parse(m.Groups["value"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        }
        return 0;
    }

    public bool HasSummaryRow(string row) => SummaryRow().Matches(Output).Any(m => m.Groups["label"].Value.Trim() == row);

    /// <summary>Rejects the summary lists by reason code.</summary>
    public IReadOnlyDictionary<string, long> RejectsByReason() => SummaryRow().Matches(Output)
        .Where(m => m.Groups["label"].Value.Trim().StartsWith("rejected: ", StringComparison.Ordinal))
        .ToDictionary(m => m.Groups["label"].Value.Trim()["rejected: ".Length..], m => long.Parse(m.Groups["value"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"│(?<label>[^│]+)│\s*(?<value>[\d,]+)\s*│")]
    private static partial Regex SummaryRow();
}
