using System.Text.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QaBot.Discord;
using QaBot.Knowledge;
using QaBot.Teams;

namespace QaBot.Host.Web;

public static class WebExtensions
{
    /// <summary>/readyz leaves out what does not apply (the Discord state when Discord is off).</summary>
    private static readonly JsonSerializerOptions ReadyJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The interactions endpoint's own limit (QaBot.Discord), for the server-wide backstop.</summary>
    private const int DiscordInteractionBodyBytes = 64 * 1024;

    /// <summary>
    /// Registers the HTTP API's options and metrics, the knowledge warm-up, and Kestrel's request-body limit as a
    /// backstop: the largest of the endpoints' own limits, so that nothing unmapped reads more.
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
        builder.Services.AddSingleton<KnowledgeWarmup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KnowledgeWarmup>());
        return builder;
    }

    /// <summary>
    /// The largest request body any endpoint accepts. Read from the configuration, not the options: Kestrel reads its
    /// options while the host is built, before the start-up checks; unusable values fall back to the defaults here and
    /// are reported by the checks.
    /// </summary>
    private static long BodyLimit(IConfiguration configuration)
    {
        static int Read(IConfiguration configuration, string key, int fallback) =>
            int.TryParse(configuration[key], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : fallback;

        var ask = Read(configuration, WebOptions.SectionName + ":" + nameof(WebOptions.MaxAskBodyBytes), new WebOptions().MaxAskBodyBytes);
        var teams = Read(configuration, TeamsOptions.SectionName + ":" + nameof(TeamsOptions.MaxRequestBodyBytes), new TeamsOptions().MaxRequestBodyBytes);
        return Math.Max(DiscordInteractionBodyBytes, Math.Max(ask, teams));
    }

    /// <summary>
    /// Answers every unhandled exception with the error JSON (<see cref="ErrorBackstop"/>) and every unreadable request
    /// with a 4xx (<see cref="ClientFaultMiddleware"/>), adds the security headers to every response (<see cref="SecurityHeaders"/>), maps <c>POST /api/ask</c>,
    /// <c>POST /api/feedback</c>, the chat page at <c>/</c>, <c>/healthz</c> and <c>/readyz</c> (with the Discord state
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
        app.MapGet("/readyz", (KnowledgeWarmup warmup, IKnowledgeBase knowledge, IHostApplicationLifetime lifetime, IServiceProvider services) =>
        {
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return Results.Json(new { status = "stopping" }, ReadyJson, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            // Registered only when Discord is enabled; a fatal Discord stop (bad token, intents) makes the host unready.
            var discord = services.GetService<IDiscordHealth>();
            var discordReport = discord is null ? null : new
            {
                state = JsonNamingPolicy.SnakeCaseLower.ConvertName(discord.State.ToString()),
                reason = discord.FailureReason,
            };
            if (!warmup.IsReady)
            {
                return Results.Json(new { status = "loading", discord = discordReport }, ReadyJson, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var snapshot = knowledge.Current;
            if (snapshot.Passages.Count == 0)
            {
                // Every question would get no answer: route traffic to a replica that has knowledge.
                return Results.Json(
                    new { status = "knowledge_empty", passages = 0, knowledge_errors = snapshot.Knowledge.ErrorCount, loaded_at = snapshot.LoadedAt, discord = discordReport },
                    ReadyJson,
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Json(
                new
                {
                    status = discord?.State == DiscordConnectionState.Failed ? "discord_failed" : "ready",
                    passages = snapshot.Passages.Count,
                    knowledge_errors = snapshot.Knowledge.ErrorCount,
                    loaded_at = snapshot.LoadedAt,
                    discord = discordReport,
                },
                ReadyJson,
                statusCode: discord?.State == DiscordConnectionState.Failed ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        });
        return app;
    }
}
