using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;

namespace QaBot.Host.Tests;

/// <summary>
/// The real host as <c>qabot serve</c> composes it (<see cref="QaBotHost.BuildWebApp"/>), on Kestrel at 127.0.0.1 on a free
/// port, on the bundled knowledge with lexical search (fast), the rate limits off unless a test turns them on, and every
/// log line captured.
/// </summary>
public sealed class RealHost : IAsyncDisposable
{
    private RealHost(WebApplication app, ConcurrentQueue<string> logs)
    {
        App = app;
        Logs = logs;
        BaseAddress = new Uri(app.Urls.First() + "/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public ConcurrentQueue<string> Logs { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <param name="url">Where to listen; a free port unless given (a test restarts a stopped host at its old address).</param>
    public static async Task<RealHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IHostApplicationBuilder>? configure = null, string url = "http://127.0.0.1:0")
    {
        var all = new Dictionary<string, string?>
        {
            ["QaBot:Knowledge:Paths:0"] = Path.Combine(Repository.Root, "knowledge"),
            ["QaBot:Embeddings:Enabled"] = "false",
            ["QaBot:RateLimits:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var logs = new ConcurrentQueue<string>();
        var app = QaBotHost.BuildWebApp(["--urls", url, "--environment", "Testing"], all, builder =>
        {
            builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(new CapturingLoggerProvider(logs));
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new RealHost(app, logs);
    }

    /// <summary>Waits until the knowledge is loaded (<c>/readyz</c> 200).</summary>
    public async Task WaitReadyAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            using var response = await Client.GetAsync(new Uri("readyz", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("/readyz never became ready.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
