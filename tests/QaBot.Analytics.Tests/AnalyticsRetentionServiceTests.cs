using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using QaBot.Analytics.Recording;
using QaBot.Analytics.Storage;
using QaBot.Analytics.Tests.Support;

namespace QaBot.Analytics.Tests;

public sealed class AnalyticsRetentionServiceTests
{
    private static readonly StubAnswers NoAnswers = new(_ => StubAnswers.NoAnswer());

    [Fact]
    public async Task Service_OnTheClock_CleansUpAtStartAndThenEveryIntervalWithTheRetentionCutoff()
    {
        var time = new FakeTimeProvider(AnalyticsHarness.Start);
        var cutoffs = Channel.CreateUnbounded<DateTimeOffset>();
        var store = new Mock<IAnalyticsStore>();
        store.Setup(s => s.DeleteOlderThanAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback<DateTimeOffset, CancellationToken>((cutoff, _) => cutoffs.Writer.TryWrite(cutoff))
            .ReturnsAsync(0);
        var options = Microsoft.Extensions.Options.Options.Create(new AnalyticsOptions { RetentionDays = 30, CleanupInterval = TimeSpan.FromHours(1) });
        using var service = new AnalyticsRetentionService(store.Object, options, time, NullLogger<AnalyticsRetentionService>.Instance);

        await service.StartAsync(CancellationToken.None);
        var atStart = await NextAsync(cutoffs);
        time.Advance(TimeSpan.FromMinutes(59));
        var early = cutoffs.Reader.TryRead(out _);
        time.Advance(TimeSpan.FromMinutes(1));
        var afterOneHour = await NextAsync(cutoffs);
        time.Advance(TimeSpan.FromHours(1));
        var afterTwoHours = await NextAsync(cutoffs);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(AnalyticsHarness.Start.AddDays(-30), atStart);
        Assert.False(early);
        Assert.Equal(AnalyticsHarness.Start.AddHours(1).AddDays(-30), afterOneHour);
        Assert.Equal(AnalyticsHarness.Start.AddHours(2).AddDays(-30), afterTwoHours);
    }

    [Fact]
    public async Task Cleanup_RecordsOlderThanTheRetention_AreDeletedAndNewerOnesKept()
    {
        using var harness = new AnalyticsHarness(o => o.RetentionDays = 30);
        await harness.AskAsync(NoAnswers, "asked on day 0 about insurance");
        await harness.ClickAsync(helpful: false, "clicked on day 0");
        harness.Time.Advance(TimeSpan.FromDays(20));
        await harness.AskAsync(NoAnswers, "asked on day 20");

        harness.Time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        var deleted = await harness.Retention.CleanupAsync(CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Equal(["asked on day 20"], harness.Query("SELECT text FROM questions").Select(r => r[0]));
        Assert.Equal(0, harness.Count("feedback"));
        Assert.Equal(-1, harness.FileBytes().AsSpan().IndexOf("insurance"u8));
        Assert.Contains(harness.Logs, line => line.Contains("[7030] Analytics: deleted 2 records older than 30 days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cleanup_DatabaseUnavailable_LogsAndCarriesOn()
    {
        using var harness = new AnalyticsHarness();
        Directory.CreateDirectory(harness.DatabasePath);

        var deleted = await harness.Retention.CleanupAsync(CancellationToken.None);

        Assert.Equal(0, deleted);
        Assert.Contains(harness.Logs, line => line.Contains("[7031]", StringComparison.Ordinal) && line.Contains("is a folder", StringComparison.Ordinal));
    }

    private static async Task<DateTimeOffset> NextAsync(Channel<DateTimeOffset> cutoffs) =>
        await cutoffs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
