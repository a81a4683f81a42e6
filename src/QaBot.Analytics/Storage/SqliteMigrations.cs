using System.Globalization;
using Microsoft.Data.Sqlite;
using QaBot.Analytics.Reports;

namespace QaBot.Analytics.Storage;

/// <summary>
/// The schema of the SQLite store, as ordered steps. The database's version is SQLite's <c>PRAGMA user_version</c>
/// (0 for a new file); every step runs in an immediate transaction that re-reads the version first, so two processes
/// (the host and a <c>qabot</c> command) opening an old database at once migrate it once. Add a step at the end to
/// change the schema; never edit a released one.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> Steps { get; } =
    [
        new(1, "questions and feedback", V1),
        new(2, "grouping keys of questions, per-user indexes for forget-me", V2),
    ];

    public static int Latest => Steps[^1].Version;

    public static int Version(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Brings the database to <paramref name="target"/> (default: the latest version).</summary>
    public static void Migrate(SqliteConnection connection, string location, int? target = null)
    {
        var goal = target ?? Latest;
        var version = Version(connection);
        if (version > Latest)
        {
            throw new AnalyticsUnavailableException(
                $"The analytics database {location} has schema version {version}, newer than this QaBot knows ({Latest}): " +
                "it was written by a newer QaBot. Upgrade QaBot, or point QaBot:Analytics:DatabasePath to another file.");
        }

        foreach (var step in Steps.Where(s => s.Version > version && s.Version <= goal))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            if (Version(connection, transaction) < step.Version)
            {
                step.Apply(connection, transaction);
                Execute(connection, transaction, $"PRAGMA user_version = {step.Version.ToString(CultureInfo.InvariantCulture)};");
            }

            transaction.Commit();
        }
    }

    private static void V1(SqliteConnection connection, SqliteTransaction transaction) => Execute(connection, transaction, """
        CREATE TABLE questions (
            id          INTEGER PRIMARY KEY,
            at_ms       INTEGER NOT NULL,            -- Unix time in milliseconds (UTC)
            platform    TEXT    NOT NULL,            -- discord, teams, api, ...
            user_hash   TEXT,                        -- HMAC-SHA256 of "platform:userId", hex; NULL when unknown
            outcome     TEXT    NOT NULL,            -- answered, no_answer, safety
            category    TEXT,                        -- safety category (snake_case) or NULL
            passage_ids TEXT    NOT NULL DEFAULT '[]', -- JSON array of the cited passage ids
            text        TEXT                         -- the redacted question, for no_answer only
        );
        CREATE INDEX ix_questions_at ON questions (at_ms);
        CREATE TABLE feedback (
            id          INTEGER PRIMARY KEY,
            at_ms       INTEGER NOT NULL,
            platform    TEXT    NOT NULL,
            user_hash   TEXT,
            helpful     INTEGER NOT NULL,            -- 1 helpful, 0 not helpful
            answer_kind TEXT    NOT NULL,            -- answered, no_answer, safety
            passage_ids TEXT    NOT NULL DEFAULT '[]',
            text        TEXT                         -- the redacted question, for "not helpful" when the platform kept it
        );
        CREATE INDEX ix_feedback_at ON feedback (at_ms);
        """);

    private static void V2(SqliteConnection connection, SqliteTransaction transaction)
    {
        Execute(connection, transaction, """
            ALTER TABLE questions ADD COLUMN group_key TEXT;
            ALTER TABLE feedback ADD COLUMN group_key TEXT;
            CREATE INDEX ix_questions_user ON questions (user_hash);
            CREATE INDEX ix_feedback_user ON feedback (user_hash);
            CREATE INDEX ix_questions_gaps ON questions (outcome, at_ms);
            """);
        foreach (var table in new[] { "questions", "feedback" })
        {
            var rows = new List<(long Id, string Text)>();
            using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = $"SELECT id, text FROM {table} WHERE text IS NOT NULL;";
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = $"UPDATE {table} SET group_key = $key WHERE id = $id;";
            var key = update.Parameters.Add("$key", SqliteType.Text);
            var id = update.Parameters.Add("$id", SqliteType.Integer);
            foreach (var row in rows)
            {
                key.Value = QuestionNormalizer.Key(row.Text);
                id.Value = row.Id;
                update.ExecuteNonQuery();
            }
        }
    }

    internal static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
