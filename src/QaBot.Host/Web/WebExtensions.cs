using System.Text.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QaBot.Answering.Hosting;
using QaBot.Knowledge;

namespace QaBot.Host.Web;

public static class WebExtensions
{
    /// <summary>/readyz leaves out what does not apply (a platform's state when that platform is off).</summary>
    private static readonly JsonSerializerOptions ReadyJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Registers the HTTP API's options and metrics, the knowledge warm-up, and Kestrel's request-body limit as a
    /// backstop: the API's own limit, which each platform adapter raises to its endpoint's (in its own <c>Add...</c>),
    /// so that nothing unmapped reads more than the largest endpoint accepts.
    /// </summary>
    public static IHostApplicationBuilder AddQaBotWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>()
            .BindConfiguration(WebOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        builder.Services.AddSingleton<WebMetrics>();
        builder.Services.AddSingleton<ChatPage>();
        builder.Services.AddSingleton<AskGate>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IConfiguration>((kestrel, configuration) => kestrel.Limits.MaxRequestBodySize = BodyLimit(configuration));
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<KnowledgeWarmup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KnowledgeWarmup>());
        return builder;
    }

    /// <summary>
    /// The largest request body the API accepts. Read from the configuration, not the options: Kestrel reads its
    /// options while the host is built, before the start-up checks; unusable values fall back to the defaults here and
    /// are reported by the checks.
    /// </summary>
    private static long BodyLimit(IConfiguration configuration)
    {
        static int Read(IConfiguration configuration, string key, int fallback) =>
            int.TryParse(configuration[key], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : fallback;

        return Read(configuration, WebOptions.SectionName + ":" + nameof(WebOptions.MaxAskBodyBytes), new WebOptions().MaxAskBodyBytes);
    }

    /// <summary>
    /// Answers every unhandled exception with the error JSON (<see cref="ErrorBackstop"/>) and every unreadable request
    /// with a 4xx (<see cref="ClientFaultMiddleware"/>), adds the security headers to every response (<see cref="SecurityHeaders"/>), maps <c>POST /api/ask</c>,
    /// <c>POST /api/feedback</c>, the chat page at <c>/</c>, <c>/healthz</c> and <c>/readyz</c> (with the platforms' readiness checks
    /// when enabled; 503 while shutting down, so that a load balancer stops sending new questions), and reads the client's
    /// address from <c>X-Forwarded-For</c> when <see cref="WebOptions.ForwardedHeaders"/> is on and the peer is a known proxy.
    /// </summary>
    public static WebApplication MapQaBotWeb(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;
        app.UseQaBotErrorBackstop();
        AskGate.ReserveThreads(options.MaxConcurrentAsks);
        if (options.ForwardedHeaders)
        {
            // Believed only from the configured proxies and networks (checked at start-up: at least one, none 0.0.0.0/0).
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy.Trim()));
            }

            foreach (var network in options.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseQaBotSecurityHeaders();
        app.UseMiddleware<ClientFaultMiddleware>();
        app.MapPost(AskEndpoint.Route, AskEndpoint.HandleAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(options.MaxAskBodyBytes));
        app.MapPost(FeedbackEndpoint.Route, FeedbackEndpoint.HandleAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(options.MaxAskBodyBytes));

        if (options.ChatPage)
        {
            ChatPage.Map(app);
        }

        app.MapGet("/healthz", () => Results.Json(new { status = "alive" }));
        app.MapGet("/readyz", ReadyAsync);
        return app;
    }

    /// <summary>
    /// Ready when the knowledge is loaded and not empty and no readiness check of a platform adapter (tag
    /// <see cref="HealthTags.Ready"/>) is unhealthy; 503 while loading, while shutting down (so that a load balancer stops
    /// sending new questions) and with empty knowledge (every question would get no answer). Each adapter's check is
    /// shown under its name with its state and reason.
    /// </summary>
    private static async Task<IResult> ReadyAsync(
        KnowledgeWarmup warmup, IKnowledgeBase knowledge, IHostApplicationLifetime lifetime, HealthCheckService health, CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Results.Json(new Dictionary<string, object?> { ["status"] = "stopping" }, ReadyJson, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthTags.Ready), cancellationToken);
        var failed = report.Entries.FirstOrDefault(e => e.Value.Status == HealthStatus.Unhealthy).Key;
        var body = new Dictionary<string, object?>();
        if (!warmup.IsReady)
        {
            body["status"] = "loading";
        }
        else
        {
            var snapshot = knowledge.Current;
            body["status"] = snapshot.Passages.Count == 0 ? "knowledge_empty" : failed is null ? "ready" : failed + "_failed";
            body["passages"] = snapshot.Passages.Count;
            body["knowledge_errors"] = snapshot.Knowledge.ErrorCount;
            body["loaded_at"] = snapshot.LoadedAt;
        }

        foreach (var (name, entry) in report.Entries)
        {
            body[name] = new { state = entry.Data.TryGetValue("state", out var state) ? state : entry.Status.ToString().ToLowerInvariant(), reason = entry.Description };
        }

        var ready = "ready".Equals(body["status"]);
        return Results.Json(body, ReadyJson, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
