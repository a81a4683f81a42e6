using Microsoft.Data.Sqlite;
using QaBot.Analytics.Tests.Support;
using QaBot.Answering;

namespace QaBot.Analytics.Tests;

public sealed class AnalyticsWriterTests
{
    private static readonly StubAnswers NoAnswers = new(_ => StubAnswers.NoAnswer());

    public static TheoryData<string> UnopenablePaths => new()
    {
        "folder",        // the database path is a folder
        "under-a-file",  // its folder cannot be created: a file is in the way
        "read-only",     // a read-only file system (as root, permissions would not stop the write)
    };

    private static string Unopenable(string kind, string folder) => kind switch
    {
        "folder" => Directory.CreateDirectory(Path.Combine(folder, "analytics.db")).FullName,
        "under-a-file" => Path.Combine(CreateFile(Path.Combine(folder, "blocker")), "analytics.db"),
        _ => "/proc/qabot-analytics/analytics.db",
    };

    private static string CreateFile(string path)
    {
        File.WriteAllText(path, "not a folder");
        return path;
    }

    [Theory]
    [MemberData(nameof(UnopenablePaths))]
    public async Task AnswerAsync_DatabaseCannotBeOpened_AnswersAndCountsTheLostRecord(string kind)
    {
        using var folder = new TempFolder();
        using var harness = new AnalyticsHarness(o =>
        {
            o.DatabasePath = Unopenable(kind, folder.Path);
            o.HashKey = "a-configured-key-so-no-key-file-is-needed";
        });

        var answer = await harness.Answers(NoAnswers).AnswerAsync(new Question("is HSCT covered by insurance") { Platform = "discord", UserId = "7" }, CancellationToken.None);
        await harness.FlushAsync();

        Assert.Equal(AnswerKind.NoAnswer, answer.Kind);
        Assert.Equal((0, 1, 0), (harness.Metrics.Written, harness.Metrics.Failed, harness.Metrics.Dropped));
        Assert.Contains(harness.Logs, line => line.Contains("[7020] Analytics: cannot write to " + harness.Options.DatabasePath, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs, line => line.Contains("insurance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writer_DatabaseBecomesAvailable_WritesAgainAfterTheRetryDelay()
    {
        using var harness = new AnalyticsHarness();
        Directory.CreateDirectory(harness.DatabasePath);
        await harness.AskAsync(NoAnswers, "first");
        Directory.Delete(harness.DatabasePath);

        harness.Time.Advance(TimeSpan.FromSeconds(29));
        await harness.AskAsync(NoAnswers, "second");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.AskAsync(NoAnswers, "third");

        Assert.Equal((1, 2), (harness.Metrics.Written, harness.Metrics.Failed));
        Assert.Equal(["third"], harness.Query("SELECT text FROM questions").Select(r => r[0]));
        Assert.Single(harness.Logs, line => line.Contains("[7020]", StringComparison.Ordinal));
        Assert.Contains(harness.Logs, line => line.Contains("[7022] Analytics: writing to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writer_DatabaseLockedByAnotherProcess_CountsTheFailureAndWritesOnceItIsFree()
    {
        using var harness = new AnalyticsHarness(o => o.BusyTimeout = TimeSpan.FromSeconds(1));
        await harness.AskAsync(NoAnswers, "creates the database");
        using (var other = new SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False"))
        {
            other.Open();
            using var exclusive = other.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE;";
            exclusive.ExecuteNonQuery();

            await harness.AskAsync(NoAnswers, "while locked");
            Assert.Equal(1, harness.Metrics.Failed);
        }

        harness.Time.Advance(harness.Options.RetryDelay);
        await harness.AskAsync(NoAnswers, "after the lock");

        Assert.Equal(2, harness.Metrics.Written);
        Assert.Contains(harness.Logs, line => line.Contains("[7020]", StringComparison.Ordinal) && line.Contains("database is locked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writer_DiskFull_CountsTheFailureAndLogsTheReason()
    {
        ControllableStore? store = null;
        using var harness = new AnalyticsHarness(wrapStore: inner => store = new ControllableStore(inner));
        store!.BeforeWrite = _ => throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);

        var answer = await harness.AskAsync(NoAnswers, "what is lupus");

        Assert.Equal(AnswerKind.NoAnswer, answer.Kind);
        Assert.Equal(1, harness.Metrics.Failed);
        Assert.Contains(harness.Logs, line => line.Contains("[7020]", StringComparison.Ordinal) && line.Contains("database or disk is full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_StoreBlocked_ReturnsAtOnceAndAFullQueueDropsAndCounts()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ControllableStore? store = null;
        using var harness = new AnalyticsHarness(o => o.QueueCapacity = 10, inner => store = new ControllableStore(inner));
        store!.BeforeWrite = token => release.Task.WaitAsync(token);
        await harness.Writer.StartAsync(CancellationToken.None);
        var answers = harness.Answers(NoAnswers);

        var first = answers.AnswerAsync(new Question("first") { Platform = "discord" }, CancellationToken.None);
        await WaitUntilAsync(() => store.WriteCalls == 1); // the writer holds "first" and waits on the store
        var calls = Enumerable.Range(0, 25).Select(i => answers.AnswerAsync(new Question("question " + i) { Platform = "discord" }, CancellationToken.None)).ToList();

        Assert.True(first.IsCompletedSuccessfully);
        Assert.All(calls, call => Assert.True(call.IsCompletedSuccessfully));
        Assert.Equal(15, harness.Metrics.Dropped);
        Assert.Single(harness.Logs, line => line.Contains("[7010] Analytics: the queue is full", StringComparison.Ordinal));

        release.SetResult();
        await harness.Writer.StopAsync(CancellationToken.None);
        Assert.Equal(11, harness.Metrics.Written);
        Assert.Equal(11, harness.Count("questions"));
    }

    [Fact]
    public async Task StopAsync_RecordsStillQueued_AreFlushed()
    {
        using var harness = new AnalyticsHarness();
        await harness.Writer.StartAsync(CancellationToken.None);
        var answers = harness.Answers(NoAnswers);
        for (var i = 0; i < 3; i++)
        {
            await answers.AnswerAsync(new Question("question " + i) { Platform = "teams", UserId = "u" }, CancellationToken.None);
        }

        await harness.Writer.StopAsync(CancellationToken.None);

        Assert.Equal(3, harness.Count("questions"));
        Assert.Equal(0, harness.Metrics.Dropped);
    }

    [Fact]
    public async Task StopAsync_StoreHangs_GivesUpAfterTheFlushTimeoutAndCountsWhatIsLeft()
    {
        ControllableStore? store = null;
        using var harness = new AnalyticsHarness(o => o.FlushTimeout = TimeSpan.FromSeconds(5), inner => store = new ControllableStore(inner));
        store!.BeforeWrite = token => Task.Delay(Timeout.InfiniteTimeSpan, token);
        await harness.Writer.StartAsync(CancellationToken.None);
        var answers = harness.Answers(NoAnswers);
        await answers.AnswerAsync(new Question("held by the store") { Platform = "api" }, CancellationToken.None);
        await WaitUntilAsync(() => store.WriteCalls == 1);
        await answers.AnswerAsync(new Question("still queued") { Platform = "api" }, CancellationToken.None);

        var stop = harness.Writer.StopAsync(CancellationToken.None);
        Assert.False(stop.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await stop.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((0, 1, 1), (harness.Metrics.Written, harness.Metrics.Failed, harness.Metrics.Dropped));
        Assert.Contains(harness.Logs, line => line.Contains("[7023]", StringComparison.Ordinal));
    }

    /// <summary>Waits (bounded) for the background writer to reach a state; no fixed sleeps.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Yield();
            await Task.Delay(1, timeout.Token);
        }
    }
}
