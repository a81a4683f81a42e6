using Microsoft.Extensions.Hosting;
using QaBot.Answering;
using QaBot.Embeddings;
using QaBot.Knowledge;

namespace QaBot.Host.Cli;

/// <summary>The services of a one-shot command (no web server): knowledge and answering, quiet logging.</summary>
internal static class CliServices
{
    public static IHost Build(string[]? knowledgePaths, LogLevel minimumLevel = LogLevel.Warning)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = HostPaths.ContentRoot(),
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(CommonOptions.KnowledgeOverrides(knowledgePaths));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(minimumLevel);
        // A provider-specific rule is more specific than appsettings.json's "Default", so it wins.
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, minimumLevel);
        builder.AddKnowledgeBase();
        builder.AddEmbeddings();
        builder.AddAnswering();
        return builder.Build();
    }
}
