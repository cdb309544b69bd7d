using System.Globalization;
using System.Text;
using System.Text.Json;
using Detector.Domain.Identity;
using Detector.Domain.Outputs;
using Detector.Domain.Wire;
using Microsoft.Data.Sqlite;

namespace Detector.Web.Feedback;

/// <summary>
/// Analyst feedback persisted in SQLite: verdicts, suppressions and releases, each row with who, when
/// and why, never updated in place except a suppression's lift stamp, so the tables are the audit trail.
/// Analysts act a few times a minute at most: one connection behind a lock is plenty. The latest
/// verdict per alert and the releases per signal are also kept in memory for the feed.
/// </summary>
public sealed class FeedbackStore : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS verdicts (
            id INTEGER PRIMARY KEY, alert_id TEXT NOT NULL, agent_id TEXT NOT NULL, session_id TEXT NOT NULL,
            verdict INTEGER NOT NULL, actor TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL, alert_json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS verdicts_by_alert ON verdicts (alert_id);
        CREATE TABLE IF NOT EXISTS suppressions (
            id INTEGER PRIMARY KEY, scope INTEGER NOT NULL, value TEXT NOT NULL, expires_at TEXT NOT NULL,
            actor TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL, lifted_at TEXT, lifted_by TEXT);
        CREATE TABLE IF NOT EXISTS releases (
            id INTEGER PRIMARY KEY, signal_id TEXT NOT NULL, alert_id TEXT NOT NULL,
            actor TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
        """;

    private readonly Lock _gate = new();
    private readonly SqliteConnection _db;
    private readonly Dictionary<string, Verdict> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReleaseRecord> _releases = new(StringComparer.Ordinal);

    public FeedbackStore(string path)
    {
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        _db.Open();
        Execute(Schema);
        foreach (var v in Query("SELECT * FROM verdicts ORDER BY id", ReadVerdict))
            _latest[v.AlertId] = v.Verdict;
        foreach (var r in Query("SELECT * FROM releases ORDER BY id", ReadRelease))
            _releases[r.SignalId] = r;
    }

    public VerdictRecord AddVerdict(Alert alert, Verdict verdict, string actor, string reason, DateTimeOffset at)
    {
        lock (_gate)
        {
            long id = Insert("INSERT INTO verdicts (alert_id, agent_id, session_id, verdict, actor, reason, at, alert_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                alert.AlertId, alert.Agent.Value, alert.Session.Value, (int)verdict, actor, reason, Stamp(at), AlertJson(alert));
            _latest[alert.AlertId] = verdict;
            return new VerdictRecord(id, alert.AlertId, alert.Agent, alert.Session, verdict, actor, reason, at, AlertJson(alert));
        }
    }

    /// <summary>The newest verdict given to an alert, if any.</summary>
    public Verdict? VerdictOf(string alertId)
    {
        lock (_gate)
            return _latest.TryGetValue(alertId, out var v) ? v : null;
    }

    /// <summary>Verdicts, newest first; only one kind when <paramref name="only"/> is set.</summary>
    public IReadOnlyList<VerdictRecord> Verdicts(int limit, Verdict? only = null)
    {
        lock (_gate)
        {
            return only is { } v
                ? Query("SELECT * FROM verdicts WHERE verdict = $1 ORDER BY id DESC LIMIT $2", ReadVerdict, (int)v, limit)
                : Query("SELECT * FROM verdicts ORDER BY id DESC LIMIT $1", ReadVerdict, limit);
        }
    }

    public Suppression AddSuppression(SuppressionScope scope, string value, DateTimeOffset expiresAt, string actor, string reason, DateTimeOffset at)
    {
        lock (_gate)
        {
            long id = Insert("INSERT INTO suppressions (scope, value, expires_at, actor, reason, at) VALUES ($1, $2, $3, $4, $5, $6)",
                (int)scope, value, Stamp(expiresAt), actor, reason, Stamp(at));
            return new Suppression(id, scope, value, expiresAt, actor, reason, at);
        }
    }

    /// <summary>Stamps a suppression lifted; null when there is no such suppression or it was already lifted.</summary>
    public Suppression? LiftSuppression(long id, string actor, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var command = Command("UPDATE suppressions SET lifted_at = $1, lifted_by = $2 WHERE id = $3 AND lifted_at IS NULL", Stamp(at), actor, id);
            if (command.ExecuteNonQuery() == 0)
                return null;
            return Query("SELECT * FROM suppressions WHERE id = $1", ReadSuppression, id)[0];
        }
    }

    /// <summary>Every suppression ever made, newest first.</summary>
    public IReadOnlyList<Suppression> Suppressions()
    {
        lock (_gate)
            return Query("SELECT * FROM suppressions ORDER BY id DESC", ReadSuppression);
    }

    public ReleaseRecord AddRelease(string signalId, string alertId, string actor, string reason, DateTimeOffset at)
    {
        lock (_gate)
        {
            long id = Insert("INSERT INTO releases (signal_id, alert_id, actor, reason, at) VALUES ($1, $2, $3, $4, $5)", signalId, alertId, actor, reason, Stamp(at));
            var record = new ReleaseRecord(id, signalId, alertId, actor, reason, at);
            _releases[signalId] = record;
            return record;
        }
    }

    /// <summary>The release of a quarantine signal, if an analyst lifted it.</summary>
    public ReleaseRecord? ReleaseOf(string signalId)
    {
        lock (_gate)
            return _releases.GetValueOrDefault(signalId);
    }

    public void Dispose() => _db.Dispose();

    private static string AlertJson(Alert alert)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ContractJson.WriterOptions))
            ContractJson.WriteAlert(writer, alert);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Round-trip ISO 8601 in UTC: sorts as text and parses back exactly.</summary>
    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static VerdictRecord ReadVerdict(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), new AgentId(r.GetString(2)), new SessionId(r.GetString(3)), (Verdict)r.GetInt32(4),
        r.GetString(5), r.GetString(6), Parse(r.GetString(7)), r.GetString(8));

    private static Suppression ReadSuppression(SqliteDataReader r) => new(
        r.GetInt64(0), (SuppressionScope)r.GetInt32(1), r.GetString(2), Parse(r.GetString(3)), r.GetString(4), r.GetString(5), Parse(r.GetString(6)),
        r.IsDBNull(7) ? null : Parse(r.GetString(7)), r.IsDBNull(8) ? null : r.GetString(8));

    private static ReleaseRecord ReadRelease(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Parse(r.GetString(5)));

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private long Insert(string sql, params object[] args)
    {
        using var command = Command(sql + " RETURNING id", args);
        return (long)command.ExecuteScalar()!;
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params object[] args)
    {
        using var command = Command(sql, args);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    private SqliteCommand Command(string sql, params object[] args)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        for (int i = 0; i < args.Length; i++)
            command.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), args[i]);
        return command;
    }
}
