using Microsoft.Extensions.Options;
using QaBot.Analytics;
using QaBot.Answering;
using QaBot.Discord;
using QaBot.Embeddings;
using QaBot.Host.Web;
using QaBot.Knowledge;
using QaBot.Moderation;
using QaBot.State.Redis;
using QaBot.Teams;

namespace QaBot.Host;

/// <summary>Composition of the web host: a table of contents of what QaBot runs.</summary>
public static class QaBotHost
{
    /// <param name="args">Host arguments (<c>--urls</c>, <c>--Key=Value</c>).</param>
    /// <param name="overrides">Configuration that wins over appsettings.json and the environment.</param>
    /// <param name="configure">A last change to the services before the host is built (tests replace parts here).</param>
    public static WebApplication BuildWebApp(string[] args, IReadOnlyDictionary<string, string?>? overrides = null, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostPaths.ContentRoot() });
        if (overrides is { Count: > 0 })
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.AddShutdown();
        builder.AddKnowledgeBase();
        builder.AddKnowledgeWatcher();
        builder.AddEmbeddings();
        builder.AddAnswering();
        builder.AddSharedState();
        builder.AddAnalytics();
        builder.AddModeration();
        builder.AddQaBotWeb();
        builder.AddQaBotMetrics();
        builder.AddTeams();
        builder.AddDiscord();
        configure?.Invoke(builder);

        var app = builder.Build();
        CheckConfiguration(app.Services);
        app.MapQaBotWeb();
        app.MapHealthChecks("/healthz/state", new() { Predicate = check => check.Tags.Contains(StateServiceExtensions.HealthTag) });
        app.MapTeams();
        app.MapDiscord();
        app.MapQaBotMetrics(); // last: it checks that its path is free
        return app;
    }

    /// <summary>
    /// Runs every start-up check of every section now, before anything reads its settings, so that all problems are
    /// reported together (an <see cref="AggregateException"/> of <see cref="OptionsValidationException"/>s).
    /// </summary>
    private static void CheckConfiguration(IServiceProvider services) =>
        services.GetService<IStartupValidator>()?.Validate();
}
