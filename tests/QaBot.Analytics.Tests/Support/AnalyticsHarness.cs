using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QaBot.Analytics.Privacy;
using QaBot.Analytics.Recording;
using QaBot.Analytics.Reports;
using QaBot.Analytics.Storage;
using QaBot.Answering;
using QaBot.Answering.Feedback;

namespace QaBot.Analytics.Tests.Support;

/// <summary>
/// The analytics pieces wired as <c>AddAnalytics()</c> wires them, on a temporary database, a fake clock and a log that
/// keeps every line. <see cref="FlushAsync"/> runs the writer over what is queued, without the background loop.
/// </summary>
internal sealed class AnalyticsHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new();
    private readonly ILoggerFactory loggerFactory;

    public AnalyticsHarness(Action<AnalyticsOptions>? configure = null, Func<IAnalyticsStore, IAnalyticsStore>? wrapStore = null)
    {
        Options = new AnalyticsOptions { DatabasePath = folder.File("analytics.db"), RetryDelay = TimeSpan.FromSeconds(30) };
        configure?.Invoke(Options);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        loggerFactory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(Logs)));
        Keys = new HashKeyProvider(options, loggerFactory.CreateLogger<HashKeyProvider>());
        Sqlite = new SqliteAnalyticsStore(options);
        Store = wrapStore?.Invoke(Sqlite) ?? Sqlite;
        Queue = new AnalyticsQueue(options, Metrics, loggerFactory.CreateLogger<AnalyticsQueue>());
        Writer = new AnalyticsWriter(Queue, new RecordFactory(Keys), Store, Metrics, options, Time, loggerFactory.CreateLogger<AnalyticsWriter>());
        Reports = new AnalyticsReports(Store, options, Time, loggerFactory.CreateLogger<AnalyticsReports>());
        Privacy = new AnalyticsPrivacy(Store, Keys);
        Retention = new AnalyticsRetentionService(Store, options, Time, loggerFactory.CreateLogger<AnalyticsRetentionService>());
    }

    public AnalyticsOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public ConcurrentQueue<string> Logs { get; } = new();

    public AnalyticsMetrics Metrics { get; } = new();

    public HashKeyProvider Keys { get; }

    public SqliteAnalyticsStore Sqlite { get; }

    public IAnalyticsStore Store { get; }

    public AnalyticsQueue Queue { get; }

    public AnalyticsWriter Writer { get; }

    public IAnalyticsReports Reports { get; }

    public IAnalyticsPrivacy Privacy { get; }

    public AnalyticsRetentionService Retention { get; }

    public string Folder => folder.Path;

    public string DatabasePath => Options.DatabasePath;

    /// <summary>The real answering path as seen by a platform: the analytics decorator over <paramref name="inner"/>.</summary>
    public IAnswerService Answers(IAnswerService inner) => new AnalyticsAnswerService(inner, Queue, Time);

    /// <summary>The analytics feedback sink over a sink that does nothing.</summary>
    public IFeedbackSink Feedback() => new AnalyticsFeedbackSink(new Mock<IFeedbackSink>().Object, Queue, Time);

    public Task FlushAsync() => Writer.WriteQueuedAsync(CancellationToken.None);

    /// <summary>Asks through the decorator and writes the record at once.</summary>
    public async Task<Answer> AskAsync(IAnswerService answers, string text, string platform = "discord", string? user = "user-1")
    {
        var answer = await Answers(answers).AnswerAsync(new Question(text) { Platform = platform, UserId = user }, CancellationToken.None);
        await FlushAsync();
        return answer;
    }

    /// <summary>A feedback click through the sink, written at once.</summary>
    public async Task ClickAsync(bool helpful, string? question = null, string platform = "teams", string? user = "user-1", params string[] passages)
    {
        await Feedback().RecordAsync(
            new FeedbackEntry { Platform = platform, UserId = user, Helpful = helpful, Kind = AnswerKind.Answered, Question = question, PassageIds = passages, At = Time.GetUtcNow() },
            CancellationToken.None);
        await FlushAsync();
    }

    /// <summary>The bytes of the database and its journal files, as they are on disk.</summary>
    public byte[] FileBytes() =>
        Directory.EnumerateFiles(Folder, Path.GetFileName(DatabasePath) + "*").OrderBy(f => f, StringComparer.Ordinal).SelectMany(File.ReadAllBytes).ToArray();

    /// <summary>Rows of a query on the database file, read with a connection of its own.</summary>
    public List<object?[]> Query(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public long Count(string table) => (long)Query($"SELECT COUNT(*) FROM {table}")[0][0]!;

    public void Dispose()
    {
        Metrics.Dispose();
        loggerFactory.Dispose();
        folder.Dispose();
    }
}
