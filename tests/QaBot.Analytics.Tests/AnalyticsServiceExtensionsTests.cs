using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Analytics.Recording;
using QaBot.Analytics.Reports;
using QaBot.Analytics.Tests.Support;
using QaBot.Answering;
using QaBot.Answering.Feedback;

namespace QaBot.Analytics.Tests;

public sealed class AnalyticsServiceExtensionsTests : IDisposable
{
    private readonly TempFolder contentRoot = new();
    private readonly StubAnswers answers = new(_ => StubAnswers.NoAnswer());

    public void Dispose() => contentRoot.Dispose();

    private HostApplicationBuilder Builder(Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot.Path, Args = [] });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IAnswerService>(answers);
        builder.Services.AddSingleton<IFeedbackSink, LoggingFeedbackSink>();
        return builder;
    }

    [Fact]
    public async Task AddAnalytics_Defaults_RecordsAnswersIntoTheDatabaseUnderTheContentRootAndFlushesAtShutdown()
    {
        var builder = Builder();
        builder.AddAnalytics();
        using var host = builder.Build();
        await host.StartAsync();

        var service = host.Services.GetRequiredService<IAnswerService>();
        var answer = await service.AnswerAsync(new Question("is HSCT covered by insurance") { Platform = "discord", UserId = "1" }, CancellationToken.None);
        await host.Services.GetRequiredService<IFeedbackSink>().RecordAsync(
            new FeedbackEntry { Platform = "discord", UserId = "1", Helpful = true, PassageIds = ["a#b"] }, CancellationToken.None);
        await host.StopAsync();

        Assert.IsType<AnalyticsAnswerService>(service);
        Assert.IsType<AnalyticsFeedbackSink>(host.Services.GetRequiredService<IFeedbackSink>());
        Assert.Equal(AnswerKind.NoAnswer, answer.Kind);
        var database = Path.Combine(contentRoot.Path, ".qabot", "analytics.db");
        Assert.True(File.Exists(database));
        var gaps = await host.Services.GetRequiredService<IAnalyticsReports>().GetGapsAsync(TimeSpan.FromDays(1), 10, CancellationToken.None);
        Assert.Equal("is HSCT covered by insurance", Assert.Single(gaps.Groups).Example);
        var feedback = await host.Services.GetRequiredService<IAnalyticsReports>().GetFeedbackAsync(TimeSpan.FromDays(1), CancellationToken.None);
        Assert.Equal(1, feedback.Helpful);
    }

    [Fact]
    public async Task AddAnalytics_Disabled_RecordsNothingAndReportsSaySo()
    {
        var builder = Builder(new() { ["QaBot:Analytics:Enabled"] = "false" });
        builder.AddAnalytics();
        using var host = builder.Build();
        await host.StartAsync();

        var service = host.Services.GetRequiredService<IAnswerService>();
        await service.AnswerAsync(new Question("is HSCT covered by insurance"), CancellationToken.None);
        await host.StopAsync();

        Assert.Same(answers, service);
        Assert.False(Directory.Exists(Path.Combine(contentRoot.Path, ".qabot")));
        var error = await Assert.ThrowsAsync<AnalyticsUnavailableException>(() =>
            host.Services.GetRequiredService<IAnalyticsReports>().GetGapsAsync(TimeSpan.FromDays(1), 10, CancellationToken.None));
        Assert.Contains("turned off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAnalytics_BeforeAddAnswering_SaysWhatToDo()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot.Path, Args = [] });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddAnalytics());

        Assert.Contains("call AddAnswering() before AddAnalytics()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAnalytics_CalledTwice_DecoratesOnce()
    {
        var builder = Builder();
        builder.AddAnalytics();
        builder.AddAnalytics();
        using var host = builder.Build();

        var service = (AnalyticsAnswerService)host.Services.GetRequiredService<IAnswerService>();

        Assert.Single(host.Services.GetServices<IHostedService>().OfType<AnalyticsWriter>());
        Assert.NotNull(service);
    }

    [Fact]
    public async Task Start_HashKeyInAppsettings_StopsTheHostWithAMessageSayingWhereToPutIt()
    {
        await File.WriteAllTextAsync(Path.Combine(contentRoot.Path, "appsettings.json"), """{"QaBot": {"Analytics": {"HashKey": "a-secret-that-must-not-be-committed-123"}}}""");
        var builder = Builder();
        builder.AddAnalytics();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("QaBot:Analytics:HashKey is set in appsettings.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("QaBot__Analytics__HashKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_HashKeyFromTheEnvironment_IsAccepted()
    {
        var builder = Builder(new() { ["QaBot:Analytics:HashKey"] = "a-secret-from-the-environment-1234567" });
        builder.AddAnalytics();
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_BadSettings_StopTheHostListingEveryProblem()
    {
        var builder = Builder(new()
        {
            ["QaBot:Analytics:Provider"] = "postgres",
            ["QaBot:Analytics:RetentionDays"] = "0",
            ["QaBot:Analytics:QueueCapacity"] = "1",
            ["QaBot:Analytics:CleanupInterval"] = "00:00:00",
            ["QaBot:Analytics:HashKey"] = "short",
        });
        builder.AddAnalytics();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(5, error.Failures.Count());
        foreach (var key in new[] { "Provider \"postgres\" is not supported", "RetentionDays", "QueueCapacity", "CleanupInterval", "HashKey must be at least 32" })
        {
            Assert.Contains(error.Failures, failure => failure.Contains(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Metrics_UnavailableDatabase_AreReportedOnTheQaBotAnalyticsMeter()
    {
        var folder = Directory.CreateDirectory(Path.Combine(contentRoot.Path, "db-is-a-folder")).FullName;
        var builder = Builder(new() { ["QaBot:Analytics:DatabasePath"] = folder, ["QaBot:Analytics:HashKey"] = "a-secret-from-the-environment-1234567" });
        builder.AddAnalytics();
        using var host = builder.Build();
        var meterFactory = host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var failures = new MetricCollector<long>(meterFactory, AnalyticsMetrics.MeterName, "qabot.analytics.write_failures");
        using var writes = new MetricCollector<long>(meterFactory, AnalyticsMetrics.MeterName, "qabot.analytics.writes");
        await host.StartAsync();

        var answer = await host.Services.GetRequiredService<IAnswerService>().AnswerAsync(new Question("what is lupus"), CancellationToken.None);
        await host.StopAsync();

        Assert.Equal(AnswerKind.NoAnswer, answer.Kind);
        Assert.Equal(1, failures.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(0, writes.GetMeasurementSnapshot().EvaluateAsCounter());
    }
}
