using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using QaBot.Analytics.Reports;
using QaBot.Answering;

namespace QaBot.Analytics.Storage;

/// <summary>
/// The default store: one SQLite file (<see cref="AnalyticsOptions.DatabasePath"/>), created owner-only on the first
/// write and migrated by <see cref="SqliteMigrations"/>. Write-ahead logging lets a <c>qabot</c> command read while the
/// host writes; <c>secure_delete</c> overwrites deleted rows, and the log is checkpointed after deletes, so that
/// forgotten and expired records do not linger in the file. No connection pool: every operation opens and closes the
/// file, so nothing stays open when the database becomes unavailable. A database file deleted while the host runs is
/// recreated, with its schema, by the next write.
/// </summary>
internal sealed class SqliteAnalyticsStore : IAnalyticsStore
{
    private readonly string path;
    private readonly string connectionString;
    private readonly Lock migrationGate = new();

    public SqliteAnalyticsStore(IOptions<AnalyticsOptions> options)
    {
        path = Path.GetFullPath(options.Value.DatabasePath);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.Value.BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    public string Location => path;

    public async Task WriteAsync(AnalyticsBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await using var connection = Open(create: true)!;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (batch.Questions.Count > 0)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO questions (at_ms, platform, user_hash, outcome, category, passage_ids, text, group_key)
                VALUES ($at, $platform, $user, $outcome, $category, $passages, $text, $key);
                """;
            var p = Parameters(insert, "$at", "$platform", "$user", "$outcome", "$category", "$passages", "$text", "$key");
            foreach (var question in batch.Questions)
            {
                p[0].Value = question.At.ToUnixTimeMilliseconds();
                p[1].Value = question.Platform;
                p[2].Value = (object?)question.UserHash ?? DBNull.Value;
                p[3].Value = Kind(question.Outcome);
                p[4].Value = question.Category is { } category ? JsonNamingPolicy.SnakeCaseLower.ConvertName(category.ToString()) : DBNull.Value;
                p[5].Value = JsonSerializer.Serialize(question.PassageIds);
                p[6].Value = (object?)question.Text ?? DBNull.Value;
                p[7].Value = (object?)question.GroupKey ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (batch.Feedback.Count > 0)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO feedback (at_ms, platform, user_hash, helpful, answer_kind, passage_ids, text, group_key)
                VALUES ($at, $platform, $user, $helpful, $kind, $passages, $text, $key);
                """;
            var p = Parameters(insert, "$at", "$platform", "$user", "$helpful", "$kind", "$passages", "$text", "$key");
            foreach (var feedback in batch.Feedback)
            {
                p[0].Value = feedback.At.ToUnixTimeMilliseconds();
                p[1].Value = feedback.Platform;
                p[2].Value = (object?)feedback.UserHash ?? DBNull.Value;
                p[3].Value = feedback.Helpful ? 1 : 0;
                p[4].Value = Kind(feedback.AnswerKind);
                p[5].Value = JsonSerializer.Serialize(feedback.PassageIds);
                p[6].Value = (object?)feedback.Text ?? DBNull.Value;
                p[7].Value = (object?)feedback.GroupKey ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = Open(create: false);
        if (connection is null)
        {
            return 0;
        }

        var deleted = 0;
        foreach (var table in new[] { "questions", "feedback" })
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM {table} WHERE at_ms < $cutoff;";
            delete.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
            deleted += await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        Checkpoint(connection, deleted);
        return deleted;
    }

    public async Task<IReadOnlyList<string>> GetPlatformsAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open(create: false);
        if (connection is null)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT platform FROM questions UNION SELECT platform FROM feedback ORDER BY 1;";
        var platforms = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            platforms.Add(reader.GetString(0));
        }

        return platforms;
    }

    public async Task<ForgetResult> DeleteUsersAsync(IReadOnlyCollection<string> userHashes, CancellationToken cancellationToken)
    {
        await using var connection = Open(create: false);
        if (connection is null || userHashes.Count == 0)
        {
            return new ForgetResult(0, 0);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var counts = new int[2];
        var tables = new[] { "questions", "feedback" };
        for (var i = 0; i < tables.Length; i++)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {tables[i]} WHERE user_hash = $user;";
            var user = delete.Parameters.Add("$user", SqliteType.Text);
            foreach (var hash in userHashes)
            {
                user.Value = hash;
                counts[i] += await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Checkpoint(connection, counts[0] + counts[1]);
        return new ForgetResult(counts[0], counts[1]);
    }

    public async Task<GapReport> GetGapsAsync(DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken)
    {
        var groups = new List<GapGroup>();
        var report = new GapReport { From = since, To = until, Groups = groups, NoAnswerTotal = 0, NotHelpfulTotal = 0 };
        await using var connection = Open(create: false);
        if (connection is null)
        {
            return report;
        }

        await using (var command = connection.CreateCommand())
        {
            // The example is the group's latest question (ties: "Not helpful" before no-answer, then the later row).
            command.CommandText = """
                WITH gaps AS (
                    SELECT id, group_key, user_hash, at_ms, text, 1 AS no_answer, 0 AS not_helpful FROM questions
                     WHERE outcome = 'no_answer' AND group_key IS NOT NULL AND at_ms >= $since AND at_ms < $until
                    UNION ALL
                    SELECT id, group_key, user_hash, at_ms, text, 0, 1 FROM feedback
                     WHERE helpful = 0 AND group_key IS NOT NULL AND at_ms >= $since AND at_ms < $until
                ),
                ranked AS (
                    SELECT *, ROW_NUMBER() OVER (PARTITION BY group_key ORDER BY at_ms DESC, not_helpful DESC, id DESC) AS recency FROM gaps
                )
                SELECT group_key, COUNT(*) AS n, COUNT(DISTINCT user_hash), MAX(at_ms) AS last, SUM(no_answer), SUM(not_helpful),
                       MAX(CASE WHEN recency = 1 THEN text END)
                  FROM ranked GROUP BY group_key ORDER BY n DESC, last DESC, group_key LIMIT $limit;
                """;
            Window(command, since, until);
            command.Parameters.AddWithValue("$limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                groups.Add(new GapGroup
                {
                    Key = reader.GetString(0),
                    Count = reader.GetInt32(1),
                    DistinctUsers = reader.GetInt32(2),
                    LastAsked = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    NoAnswerCount = reader.GetInt32(4),
                    NotHelpfulCount = reader.GetInt32(5),
                    Example = reader.IsDBNull(6) ? "" : reader.GetString(6),
                });
            }
        }

        await using var totals = connection.CreateCommand();
        totals.CommandText = """
            SELECT (SELECT COUNT(*) FROM questions WHERE outcome = 'no_answer' AND at_ms >= $since AND at_ms < $until),
                   (SELECT COUNT(*) FROM feedback WHERE helpful = 0 AND at_ms >= $since AND at_ms < $until);
            """;
        Window(totals, since, until);
        await using var totalsReader = await totals.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await totalsReader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return report with { NoAnswerTotal = totalsReader.GetInt32(0), NotHelpfulTotal = totalsReader.GetInt32(1) };
    }

    public async Task<FeedbackReport> GetFeedbackAsync(DateTimeOffset since, DateTimeOffset until, int passages, CancellationToken cancellationToken)
    {
        var platforms = new SortedDictionary<string, PlatformFeedback>(StringComparer.Ordinal);
        var passageFeedback = new List<PassageFeedback>();
        await using var connection = Open(create: false);
        if (connection is not null)
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = """
                    SELECT platform, SUM(helpful = 1), SUM(helpful = 0) FROM feedback
                     WHERE at_ms >= $since AND at_ms < $until GROUP BY platform;
                    SELECT platform, SUM(outcome = 'answered'), SUM(outcome = 'no_answer'), SUM(outcome = 'safety') FROM questions
                     WHERE at_ms >= $since AND at_ms < $until GROUP BY platform;
                    SELECT p.value, SUM(f.helpful = 0) AS bad, SUM(f.helpful = 1) AS good FROM feedback f, json_each(f.passage_ids) p
                     WHERE f.at_ms >= $since AND f.at_ms < $until AND p.type = 'text'
                     GROUP BY p.value HAVING bad > 0 ORDER BY bad DESC, good, p.value LIMIT $passages;
                    """;
                Window(command, since, until);
                command.Parameters.AddWithValue("$passages", passages);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var platform = reader.GetString(0);
                    platforms[platform] = Get(platforms, platform) with { Helpful = reader.GetInt32(1), NotHelpful = reader.GetInt32(2) };
                }

                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var platform = reader.GetString(0);
                    platforms[platform] = Get(platforms, platform) with
                    {
                        Answered = reader.GetInt32(1),
                        NoAnswer = reader.GetInt32(2),
                        Safety = reader.GetInt32(3),
                    };
                }

                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    passageFeedback.Add(new PassageFeedback { PassageId = reader.GetString(0), NotHelpful = reader.GetInt32(1), Helpful = reader.GetInt32(2) });
                }
            }
        }

        return new FeedbackReport { From = since, To = until, Platforms = platforms.Values.ToList(), NotHelpfulPassages = passageFeedback };
    }

    public string DescribeFailure(Exception exception) => exception switch
    {
        // SQLite's messages name the error ("database is locked", "unable to open database file", "database or disk is
        // full"), never the values of a statement; IO messages name paths.
        SqliteException or IOException or UnauthorizedAccessException or AnalyticsUnavailableException or InvalidDataException => exception.Message,
        _ => exception.GetType().Name,
    };

    /// <summary>A connection with the schema migrated, or null when the file does not exist and <paramref name="create"/> is false.</summary>
    internal SqliteConnection? Open(bool create)
    {
        if (Directory.Exists(path))
        {
            throw new AnalyticsUnavailableException($"The analytics database path {path} is a folder: QaBot:Analytics:DatabasePath must name a file.");
        }

        if (!File.Exists(path))
        {
            if (!create)
            {
                return null;
            }

            CreateFile();
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            SqliteMigrations.Execute(connection, null, "PRAGMA secure_delete = ON;");

            // The schema version is read on every open (one cheap pragma), not remembered: a database file deleted or
            // replaced while the host runs is recreated empty by the next write and must get its tables again.
            if (SqliteMigrations.Version(connection) != SqliteMigrations.Latest)
            {
                lock (migrationGate)
                {
                    SqliteMigrations.Execute(connection, null, "PRAGMA journal_mode = WAL;");
                    SqliteMigrations.Migrate(connection, path);
                }
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>An empty file, owner-only (the SQLite journal files take its permissions); SQLite makes it a database.</summary>
    private void CreateFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // created by another process in the meantime
        }
    }

    private static void Checkpoint(SqliteConnection connection, int deleted)
    {
        if (deleted > 0)
        {
            // Deleted rows' pages are zeroed (secure_delete); copying the log into the file and truncating it removes
            // the old page images from the write-ahead log too.
            SqliteMigrations.Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
    }

    private static PlatformFeedback Get(SortedDictionary<string, PlatformFeedback> platforms, string platform) =>
        platforms.TryGetValue(platform, out var existing) ? existing : new PlatformFeedback { Platform = platform };

    private static void Window(SqliteCommand command, DateTimeOffset since, DateTimeOffset until)
    {
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
    }

    private static SqliteParameter[] Parameters(SqliteCommand command, params string[] names) =>
        names.Select(name => command.Parameters.Add(new SqliteParameter(name, DBNull.Value))).ToArray();

    internal static string Kind(AnswerKind kind) => kind switch
    {
        AnswerKind.Answered => "answered",
        AnswerKind.NoAnswer => "no_answer",
        AnswerKind.SmallTalk => "small_talk",
        _ => "safety",
    };
}
