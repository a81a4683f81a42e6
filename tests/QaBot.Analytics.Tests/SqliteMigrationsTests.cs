using Microsoft.Data.Sqlite;
using QaBot.Analytics.Storage;
using QaBot.Analytics.Tests.Support;

namespace QaBot.Analytics.Tests;

public sealed class SqliteMigrationsTests
{
    [Fact]
    public async Task Write_EmptyFolder_CreatesTheDatabaseAtTheLatestVersionWithEveryColumn()
    {
        using var harness = new AnalyticsHarness();

        await harness.AskAsync(new StubAnswers(_ => StubAnswers.NoAnswer()), "what is lupus?");

        Assert.Equal((long)SqliteMigrations.Latest, harness.Query("PRAGMA user_version")[0][0]);
        Assert.Equal(2, SqliteMigrations.Latest);
        var columns = harness.Query("SELECT name FROM pragma_table_info('questions')").Select(r => (string)r[0]!).ToList();
        Assert.Equal(["id", "at_ms", "platform", "user_hash", "outcome", "category", "passage_ids", "text", "group_key"], columns);
        var indexes = harness.Query("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").Select(r => (string)r[0]!).ToList();
        Assert.Contains("ix_questions_user", indexes);
        Assert.Contains("ix_feedback_user", indexes);
        Assert.Equal("wal", harness.Query("PRAGMA journal_mode")[0][0]);
    }

    [Fact]
    public async Task Write_DatabaseAtVersion1_MigratesKeepingItsRowsAndFillsTheGroupingKeys()
    {
        using var harness = new AnalyticsHarness();
        File.Create(harness.DatabasePath).Dispose();
        using (var connection = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False"))
        {
            connection.Open();
            SqliteMigrations.Migrate(connection, harness.DatabasePath, target: 1);
            var hourAgo = AnalyticsHarness.Start.AddHours(-1).ToUnixTimeMilliseconds();
            SqliteMigrations.Execute(connection, null, $"""
                INSERT INTO questions (at_ms, platform, user_hash, outcome, passage_ids, text) VALUES
                  ({hourAgo}, 'discord', 'aa', 'no_answer', '[]', 'What is Lupus'),
                  ({hourAgo}, 'discord', 'bb', 'answered', '["conditions/lupus#a"]', NULL);
                INSERT INTO feedback (at_ms, platform, user_hash, helpful, answer_kind, passage_ids, text) VALUES
                  ({hourAgo}, 'teams', 'cc', 0, 'answered', '["conditions/lupus#a"]', 'whats lupus');
                """);
            Assert.Equal(1, SqliteMigrations.Version(connection));
        }

        await harness.AskAsync(new StubAnswers(_ => StubAnswers.NoAnswer()), "what is lupus?");

        Assert.Equal(2L, harness.Query("PRAGMA user_version")[0][0]);
        Assert.Equal(3, harness.Count("questions"));
        Assert.Equal(["lupus", null, "lupus"], harness.Query("SELECT group_key FROM questions ORDER BY id").Select(r => r[0]));
        Assert.Equal("lupus", harness.Query("SELECT group_key FROM feedback")[0][0]);
        var gaps = await harness.Reports.GetGapsAsync(TimeSpan.FromDays(30), 10, CancellationToken.None);
        var group = Assert.Single(gaps.Groups);
        Assert.Equal((3, 2, 1), (group.Count, group.NoAnswerCount, group.NotHelpfulCount));
    }

    [Fact]
    public async Task Reports_DatabaseFromANewerQaBot_FailWithAClearMessageAndTheFileIsLeftAlone()
    {
        using var harness = new AnalyticsHarness();
        File.Create(harness.DatabasePath).Dispose();
        using (var connection = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False"))
        {
            connection.Open();
            SqliteMigrations.Execute(connection, null, "PRAGMA user_version = 99;");
        }

        var error = await Assert.ThrowsAsync<AnalyticsUnavailableException>(() => harness.Reports.GetGapsAsync(TimeSpan.FromDays(7), 10, CancellationToken.None));

        Assert.Contains("schema version 99, newer than this QaBot knows (2)", error.Message, StringComparison.Ordinal);
        Assert.Equal(99L, harness.Query("PRAGMA user_version")[0][0]);
    }
}
