using System.Text;
using Detector.Domain.Identity;
using Detector.Pipeline.Sinks;
using Detector.Web.Feedback;
using Microsoft.Data.Sqlite;

namespace Detector.Hosting.Export;

/// <summary>
/// `detector export`: one row per session from the detector's history (replay's scores and alerts) and
/// the analysts' feedback, labelled by their verdicts or the simulator's ground truth, written as JSONL
/// and CSV with the same columns for retraining. Sessions appear in input order: scores, then alerts,
/// then sessions known only from a verdict (worker alerts no replay saw).
/// </summary>
public sealed class ExportJob
{
    private readonly ExportRequest _request;
    private readonly ExportInput? _scores;
    private readonly ExportInput? _alerts;
    private readonly ExportInput? _labels;
    private readonly ExportInput[] _inputs;

    /// <summary>Checks every input exists before anything is read, so a mistyped path fails at once.</summary>
    public ExportJob(ExportRequest request)
    {
        request.Validate();
        _request = request;
        _scores = request.ScoresPath is { } s ? new ExportInput("scores", s) : null;
        _alerts = request.AlertsPath is { } a ? new ExportInput("alerts", a) : null;
        _labels = request.LabelsPath is { } l ? new ExportInput("labels", l) : null;
        if (request.FeedbackPath is { } f && !File.Exists(f))
            throw new FileNotFoundException($"feedback database '{f}' does not exist", f);
        _inputs = new[] { _scores, _alerts, _labels }.OfType<ExportInput>().ToArray();
    }

    /// <summary>Share of the JSONL inputs read so far, for progress bars; null with none to read.</summary>
    public double? Fraction
    {
        get
        {
            long total = _inputs.Sum(i => i.Length);
            return total > 0 ? (double)_inputs.Sum(i => i.BytesRead) / total : null;
        }
    }

    public async Task<ExportSummary> RunAsync(CancellationToken cancellationToken)
    {
        var sessions = new OrderedDictionary<SessionKey, SessionHistory>();
        SessionHistory Session(SessionKey key)
        {
            if (!sessions.TryGetValue(key, out var history))
                sessions.Add(key, history = new SessionHistory(key));
            return history;
        }

        // A redelivered alert, or one both in the alerts file and kept by a verdict, counts once.
        var alertIds = new HashSet<string>(StringComparer.Ordinal);
        void AddAlert(HistoryAlert alert)
        {
            if (alertIds.Add(alert.AlertId))
                Session(alert.Session).Add(alert);
        }

        if (_scores is not null)
            await _scores.ReadAsync<HistoryScore>(HistoryScore.TryRead, s => Session(s.Session).Add(s), cancellationToken).ConfigureAwait(false);
        if (_alerts is not null)
            await _alerts.ReadAsync<HistoryAlert>(HistoryAlert.TryRead, AddAlert, cancellationToken).ConfigureAwait(false);

        int known = sessions.Count;
        var verdicts = _request.FeedbackPath is { } feedback ? LatestVerdicts(feedback) : [];
        foreach (var verdict in verdicts)
        {
            if (ExportInput.TryRead<HistoryAlert>(Encoding.UTF8.GetBytes(verdict.AlertJson), HistoryAlert.TryRead, out var alert))
                AddAlert(alert);
            Session(new SessionKey(verdict.Agent, verdict.Session)).Add(verdict);
        }
        int onlyInFeedback = sessions.Count - known;

        var simulated = new Dictionary<SessionKey, SimulatorLabel>();
        if (_labels is not null)
            await _labels.ReadAsync<SimulatorLabel>(SimulatorLabel.TryRead, l => simulated[l.Session] = l, cancellationToken).ConfigureAwait(false);

        var all = sessions.Values.Select(s => s.ToRow(simulated.GetValueOrDefault(s.Session))).ToList();
        var rows = _request.LabelledOnly ? all.Where(r => r.Label.Label != ExportLabel.Unlabelled).ToList() : all;
        var table = new ExportTable(rows);
        await WriteAsync(table, cancellationToken).ConfigureAwait(false);

        return new ExportSummary(
            rows.Count,
            rows.Count(r => r.Label.Label == ExportLabel.Malicious),
            rows.Count(r => r.Label.Label == ExportLabel.Benign),
            rows.Count(r => r.Label.Label == ExportLabel.Unlabelled),
            all.Count - rows.Count,
            onlyInFeedback,
            verdicts.Count,
            simulated.Keys.Count(k => !sessions.ContainsKey(k)),
            table.FeatureColumns,
            _inputs,
            _request.CsvPath,
            _request.JsonLinesPath);
    }

    /// <summary>The newest verdict of every judged alert (an analyst may revise one), oldest first.</summary>
    private static List<VerdictRecord> LatestVerdicts(string path)
    {
        IReadOnlyList<VerdictRecord> newestFirst;
        try
        {
            using var store = new FeedbackStore(path);
            newestFirst = store.Verdicts(int.MaxValue);
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"feedback database '{path}' cannot be read: {e.Message}", e);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var latest = newestFirst.Where(v => seen.Add(v.AlertId)).ToList();
        latest.Reverse();
        return latest;
    }

    private async Task WriteAsync(ExportTable table, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_request.OutputDirectory);
        await using (var jsonl = JsonLinesWriter.Create(_request.JsonLinesPath))
        {
            foreach (var row in table.Rows)
                jsonl.WriteLine(table.WriteJson, row);
            await jsonl.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var csvFile = new StreamWriter(_request.CsvPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var csv = new CsvWriter(csvFile);
        csv.WriteRecord(table.Columns);
        foreach (var row in table.Rows)
            csv.WriteRecord(table.Cells(row).Select(c => c.ToCsvField()));
        await csvFile.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
