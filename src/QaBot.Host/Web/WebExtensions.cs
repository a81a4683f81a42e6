using System.Text.Json;
using Microsoft.Extensions.Options;
using QaBot.Discord;
using QaBot.Knowledge;

namespace QaBot.Host.Web;

public static class WebExtensions
{
    /// <summary>/readyz leaves out what does not apply (the Discord state when Discord is off).</summary>
    private static readonly JsonSerializerOptions ReadyJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Registers the HTTP API's options and the knowledge warm-up.</summary>
    public static IHostApplicationBuilder AddQaBotWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>()
            .BindConfiguration(WebOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<KnowledgeWarmup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<KnowledgeWarmup>());
        return builder;
    }

    /// <summary>Maps <c>POST /api/ask</c>, the chat page at <c>/</c>, <c>/healthz</c> and <c>/readyz</c> (with the Discord state when enabled).</summary>
    public static WebApplication MapQaBotWeb(this WebApplication app)
    {
        app.MapPost("/api/ask", AskEndpoint.HandleAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(app.Services.GetRequiredService<IOptions<WebOptions>>().Value.MaxAskBodyBytes));

        if (app.Services.GetRequiredService<IOptions<WebOptions>>().Value.ChatPage)
        {
            app.MapGet("/", () => Results.Content(ChatPage.Html, "text/html; charset=utf-8"));
        }

        app.MapGet("/healthz", () => Results.Json(new { status = "alive" }));
        app.MapGet("/readyz", (KnowledgeWarmup warmup, IKnowledgeBase knowledge, IServiceProvider services) =>
        {
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
