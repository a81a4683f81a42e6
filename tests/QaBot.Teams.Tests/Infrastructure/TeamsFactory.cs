using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QaBot.Teams.Tests.Infrastructure;

/// <summary>The real QaBot host in memory, on the bundled knowledge, with test settings and every log line captured.</summary>
public sealed class TeamsFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>A folder of this host's own for the analytics database, so that tests never write into the repository's.</summary>
    public string AnalyticsFolder { get; } = Path.Combine(Path.GetTempPath(), "qabot-teams-analytics-" + Guid.NewGuid().ToString("N"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(AnalyticsFolder))
        {
            Directory.Delete(AnalyticsFolder, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("QaBot:Knowledge:Paths:0", Path.Combine(Repository.Root, "knowledge"));
        builder.UseSetting("QaBot:Analytics:DatabasePath", Path.Combine(AnalyticsFolder, "analytics.db"));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter(_ => true);
            logging.AddProvider(new CapturingLoggerProvider(Logs));
        });
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
