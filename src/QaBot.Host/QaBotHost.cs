using QaBot.Analytics;
using QaBot.Answering;
using QaBot.Discord;
using QaBot.Embeddings;
using QaBot.Host.Web;
using QaBot.Knowledge;
using QaBot.Moderation;
using QaBot.Teams;

namespace QaBot.Host;

/// <summary>Composition of the web host: a table of contents of what QaBot runs.</summary>
public static class QaBotHost
{
    public static WebApplication BuildWebApp(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = HostPaths.ContentRoot() });
        if (overrides is { Count: > 0 })
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.AddKnowledgeBase();
        builder.AddKnowledgeWatcher();
        builder.AddEmbeddings();
        builder.AddAnswering();
        builder.AddAnalytics();
        builder.AddModeration();
        builder.AddQaBotWeb();
        builder.AddTeams();
        builder.AddDiscord();

        var app = builder.Build();
        app.MapQaBotWeb();
        app.MapTeams();
        app.MapDiscord();
        return app;
    }
}
