using System.Text;
using QaBot.Analytics.Privacy;
using QaBot.Analytics.Storage;
using QaBot.Analytics.Tests.Support;
using QaBot.Answering.Safety;

namespace QaBot.Analytics.Tests;

/// <summary>What reaches the database file, read back as bytes and rows.</summary>
public sealed class SqliteAnalyticsStoreTests
{
    private const string DiscordUser = "80351110224678912";
    private const string TeamsUser = "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos";

    private static readonly StubAnswers Answers = new(q => q.Text switch
    {
        var t when t.Contains("chest pain", StringComparison.Ordinal) => StubAnswers.Safety(SafetyCategory.Emergency),
        var t when t.Contains("lupus", StringComparison.Ordinal) => StubAnswers.Answered("conditions/lupus#can-stem-cell-therapy-help-lupus-sle"),
        _ => StubAnswers.NoAnswer(),
    });

    [Fact]
    public async Task Write_UserIds_AreNeverInTheDatabaseFileInClear()
    {
        using var harness = new AnalyticsHarness();

        await harness.AskAsync(Answers, "can stem cells help lupus", "discord", DiscordUser);
        await harness.AskAsync(Answers, "is it covered by insurance", "discord", DiscordUser);
        await harness.AskAsync(Answers, "is it covered by insurance", "teams", TeamsUser);
        await harness.ClickAsync(helpful: false, "is it covered by insurance", "teams", TeamsUser, "costs#insurance");

        var bytes = harness.FileBytes();
        foreach (var id in new[] { DiscordUser, TeamsUser })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(id)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(id)));
        }

        var key = harness.Keys.Find()!;
        var hashes = harness.Query("SELECT DISTINCT user_hash FROM questions ORDER BY platform").Select(r => (string?)r[0]).ToList();
        Assert.Equal([UserHasher.Hash(key, "discord", DiscordUser), UserHasher.Hash(key, "teams", TeamsUser)], hashes);
    }

    [Fact]
    public async Task Write_AnsweredAndSafetyQuestions_AreCountedWithoutText()
    {
        using var harness = new AnalyticsHarness();

        await harness.AskAsync(Answers, "can stem cells help my lupus flare");
        await harness.AskAsync(Answers, "I have chest pain after my transplant");

        var rows = harness.Query("SELECT outcome, category, passage_ids, text, group_key, platform, at_ms FROM questions ORDER BY id");
        Assert.Equal(["answered", null, """["conditions/lupus#can-stem-cell-therapy-help-lupus-sle"]""", null, null, "discord", AnalyticsHarness.Start.ToUnixTimeMilliseconds()], rows[0]);
        Assert.Equal(["safety", "emergency", "[]", null, null, "discord", AnalyticsHarness.Start.ToUnixTimeMilliseconds()], rows[1]);
        var bytes = harness.FileBytes();
        Assert.Equal(-1, bytes.AsSpan().IndexOf("lupus flare"u8));
        Assert.Equal(-1, bytes.AsSpan().IndexOf("chest pain"u8));
    }

    [Fact]
    public async Task Write_NoAnswerQuestion_IsStoredRedactedWithItsGroupingKey()
    {
        using var harness = new AnalyticsHarness();

        await harness.AskAsync(Answers, "Is HSCT covered by insurance? mail me at jane.doe@example.com or call +44 20 7946 0958");

        var row = Assert.Single(harness.Query("SELECT outcome, text, group_key FROM questions"));
        Assert.Equal(["no_answer", "Is HSCT covered by insurance? mail me at [email] or call [phone]", "call cover hsct insuranc mail"], row);
        Assert.Equal(-1, harness.FileBytes().AsSpan().IndexOf("jane.doe"u8));
    }

    [Fact]
    public async Task Write_Feedback_KeepsTheQuestionOnlyForNotHelpful()
    {
        using var harness = new AnalyticsHarness();

        await harness.ClickAsync(helpful: true, "what is lupus", "teams", "u1", "conditions/lupus#what-is-lupus");
        await harness.ClickAsync(helpful: false, "what is MS, my record is 12345678", "teams", "u1", "conditions/ms#what-is-ms");

        var rows = harness.Query("SELECT helpful, answer_kind, passage_ids, text FROM feedback ORDER BY id");
        Assert.Equal([1L, "answered", """["conditions/lupus#what-is-lupus"]""", null], rows[0]);
        Assert.Equal([0L, "answered", """["conditions/ms#what-is-ms"]""", "what is MS, my record is [number]"], rows[1]);
    }

    [Fact]
    public async Task Write_DatabaseDeletedWhileRunning_RecreatesTheSchemaAndKeepsRecording()
    {
        using var harness = new AnalyticsHarness();
        await harness.AskAsync(Answers, "is it covered by insurance");
        foreach (var file in Directory.EnumerateFiles(harness.Folder, Path.GetFileName(harness.DatabasePath) + "*"))
        {
            File.Delete(file);
        }

        await harness.AskAsync(Answers, "how long is the hospital stay");
        await harness.AskAsync(Answers, "can stem cells help lupus");

        var rows = harness.Query("SELECT outcome FROM questions ORDER BY id");
        Assert.Equal(["no_answer", "answered"], rows.Select(r => (string?)r[0]));
        Assert.Equal((long)SqliteMigrations.Latest, Assert.Single(harness.Query("PRAGMA user_version"))[0]);
    }

    [Fact]
    public async Task Write_DatabaseFile_IsOwnerOnly()
    {
        using var harness = new AnalyticsHarness();

        await harness.AskAsync(Answers, "what is lupus");

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(harness.DatabasePath));
        }
    }

    [Fact]
    public async Task DeleteOlderThan_RemovesOnlyOlderRowsAndTheirTextFromTheFile()
    {
        using var harness = new AnalyticsHarness();
        await harness.AskAsync(Answers, "old question about insurance");
        harness.Time.Advance(TimeSpan.FromDays(10));
        await harness.AskAsync(Answers, "new question about costs");

        var deleted = await harness.Store.DeleteOlderThanAsync(AnalyticsHarness.Start.AddDays(5), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(["new question about costs"], harness.Query("SELECT text FROM questions").Select(r => r[0]));
        Assert.Equal(-1, harness.FileBytes().AsSpan().IndexOf("old question"u8));
    }

    [Fact]
    public async Task Reads_NoDatabaseYet_AreEmptyAndCreateNothing()
    {
        using var harness = new AnalyticsHarness();

        var gaps = await harness.Store.GetGapsAsync(AnalyticsHarness.Start.AddDays(-7), AnalyticsHarness.Start, 10, CancellationToken.None);
        var deleted = await harness.Store.DeleteOlderThanAsync(AnalyticsHarness.Start, CancellationToken.None);

        Assert.Empty(gaps.Groups);
        Assert.Equal(0, deleted);
        Assert.False(File.Exists(harness.DatabasePath));
    }
}
