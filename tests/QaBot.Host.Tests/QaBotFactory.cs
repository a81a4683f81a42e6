using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace QaBot.Host.Tests;

/// <summary>
/// The real host, in memory, on the bundled knowledge, with every log message captured. The per-user and global rate
/// limits are off (every request comes from the same test client); the rate-limit tests turn them on in
/// <see cref="Settings"/>.
/// </summary>
public sealed class QaBotFactory : WebApplicationFactory<Program>
{
    public ConcurrentQueue<string> Logs { get; } = new();

    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>A folder of this host's own for the analytics database, so that tests never write into the repository's.</summary>
    public string AnalyticsFolder { get; } = Path.Combine(Path.GetTempPath(), "qabot-host-analytics-" + Guid.NewGuid().ToString("N"));

    public string AnalyticsDatabase => Path.Combine(AnalyticsFolder, "analytics.db");

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
        builder.UseSetting("QaBot:RateLimits:Enabled", "false");
        builder.UseSetting("QaBot:Analytics:DatabasePath", AnalyticsDatabase);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new CapturingLoggerProvider(Logs));
        });
    }
}
