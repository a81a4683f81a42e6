using Microsoft.Extensions.Hosting;
using QaBot.Analytics;
using QaBot.Answering;
using QaBot.Embeddings;
using QaBot.Knowledge;
using QaBot.State.Redis;

namespace QaBot.Host.Cli;

/// <summary>The services of a one-shot command (no web server): knowledge and answering, or analytics; quiet logging.</summary>
internal static class CliServices
{
    public static IHost Build(string[]? knowledgePaths, LogLevel minimumLevel = LogLevel.Warning)
    {
        var builder = CreateBuilder(minimumLevel);
        builder.Configuration.AddInMemoryCollection(CommonOptions.KnowledgeOverrides(knowledgePaths));
        builder.AddKnowledgeBase();
        builder.AddEmbeddings();
        builder.AddAnswering();
        var host = builder.Build();

        // The CLI runs no hosted services, so the safety classifier's examples are loaded here, once, as the served
        // host's watcher does at start-up: `qabot ask`, `chat`, `eval` and `kb test` triage like the server.
        var exemplars = host.Services.GetRequiredService<Answering.Safety.SafetyExemplars>();
        if (exemplars.IsEnabled)
        {
            exemplars.Reload();
        }

        return host;
    }

    /// <summary>
    /// The retrieval settings production uses (<c>QaBot:Retrieval</c> from appsettings.json and the environment, checked
    /// like at start-up), for the measuring commands (<c>bench</c>, <c>calibrate</c>).
    /// </summary>
    public static Knowledge.Search.RetrievalOptions Retrieval()
    {
        var builder = CreateBuilder(LogLevel.Error);
        builder.Services.AddRetrievalOptions();
        using var host = builder.Build();
        return host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Knowledge.Search.RetrievalOptions>>().Value;
    }

    /// <summary>
    /// The analytics store, reports and forget-me, and the shared conversation store (Redis, when configured), with the host's settings (appsettings.json, environment, user secrets
    /// in Development) so that the database and hash key are the host's; <paramref name="database"/> overrides the path.
    /// </summary>
    public static IHost BuildAnalytics(string? database)
    {
        // Errors only: the commands print what went wrong themselves.
        var builder = CreateBuilder(LogLevel.Error);
        if (!string.IsNullOrWhiteSpace(database))
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [AnalyticsOptions.SectionName + ":" + nameof(AnalyticsOptions.DatabasePath)] = Path.GetFullPath(database),
            });
        }

        builder.AddAnalyticsStore();
        builder.AddSharedState();
        return builder.Build();
    }

    private static HostApplicationBuilder CreateBuilder(LogLevel minimumLevel)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = HostPaths.ContentRoot(),
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(minimumLevel);
        // A provider-specific rule is more specific than appsettings.json's "Default", so it wins.
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, minimumLevel);
        return builder;
    }
}
