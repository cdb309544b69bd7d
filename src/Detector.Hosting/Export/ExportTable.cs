using System.Text.Json;
using Detector.Domain.Outputs;
using Detector.Domain.Time;
using Detector.Web.Feedback;

namespace Detector.Hosting.Export;

/// <summary>
/// The exported columns: the fixed ones, then one per feature name any row carries, in ordinal order,
/// so the layout is a function of the data alone and the CSV header and the JSONL keys agree.
/// </summary>
public sealed class ExportTable
{
    public const string FeaturePrefix = "feature_";

    public static readonly IReadOnlyList<string> FixedColumns =
    [
        "agent_id", "session_id", "label", "label_source",
        "verdict", "verdict_alert_id", "verdict_by", "verdict_at", "verdict_reason", "scenario",
        "score", "alert_count", "max_severity", "alert_ids", "alert_kinds",
    ];

    private readonly string[] _features;

    public ExportTable(IReadOnlyList<ExportRow> rows)
    {
        Rows = rows;
        _features = rows.SelectMany(r => r.Features.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Columns = [.. FixedColumns, .. _features.Select(f => FeaturePrefix + f)];
    }

    public IReadOnlyList<ExportRow> Rows { get; }

    public IReadOnlyList<string> Columns { get; }

    public int FeatureColumns => _features.Length;

    /// <summary>A row's cells in <see cref="Columns"/> order; a feature the session's alerts do not carry is empty.</summary>
    public IEnumerable<ExportCell> Cells(ExportRow row)
    {
        var label = row.Label;
        var verdict = label.Verdict;
        yield return ExportCell.Text(row.Session.Agent.Value);
        yield return ExportCell.Text(row.Session.Session.Value);
        yield return ExportCell.Text(label.Label);
        yield return ExportCell.Text(label.Source);
        yield return ExportCell.Text(verdict?.Verdict.WireName());
        yield return ExportCell.Text(verdict?.AlertId);
        yield return ExportCell.Text(verdict?.Actor);
        yield return ExportCell.Text(verdict is null ? null : EventTime.FromDateTimeOffset(verdict.At).ToString());
        yield return ExportCell.Text(verdict?.Reason);
        yield return ExportCell.Text(label.Scenario);
        yield return ExportCell.Number(row.Score);
        yield return ExportCell.Number(row.AlertCount);
        yield return ExportCell.Text(row.MaxSeverity?.WireName());
        yield return ExportCell.List(row.AlertIds);
        yield return ExportCell.List(row.AlertKinds);
        foreach (string f in _features)
            yield return ExportCell.Number(row.Features.TryGetValue(f, out double v) ? v : null);
    }

    /// <summary>One JSONL object: the CSV's columns as keys, in the same order.</summary>
    public void WriteJson(Utf8JsonWriter writer, ExportRow row)
    {
        writer.WriteStartObject();
        int i = 0;
        foreach (var cell in Cells(row))
            cell.WriteJson(writer, Columns[i++]);
        writer.WriteEndObject();
    }
}
