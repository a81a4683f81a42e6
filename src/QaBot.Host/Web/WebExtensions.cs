using Microsoft.Extensions.Options;
using QaBot.Knowledge;

namespace QaBot.Host.Web;

public static class WebExtensions
{
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

    /// <summary>Maps <c>POST /api/ask</c>, the chat page at <c>/</c>, <c>/healthz</c> and <c>/readyz</c>.</summary>
    public static WebApplication MapQaBotWeb(this WebApplication app)
    {
        app.MapPost("/api/ask", AskEndpoint.HandleAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(app.Services.GetRequiredService<IOptions<WebOptions>>().Value.MaxAskBodyBytes));

        if (app.Services.GetRequiredService<IOptions<WebOptions>>().Value.ChatPage)
        {
            app.MapGet("/", () => Results.Content(ChatPage.Html, "text/html; charset=utf-8"));
        }

        app.MapGet("/healthz", () => Results.Json(new { status = "alive" }));
        app.MapGet("/readyz", (KnowledgeWarmup warmup, IKnowledgeBase knowledge) =>
        {
            if (!warmup.IsReady)
            {
                return Results.Json(new { status = "loading" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var snapshot = knowledge.Current;
            return Results.Json(new
            {
                status = "ready",
                passages = snapshot.Passages.Count,
                knowledge_errors = snapshot.Knowledge.ErrorCount,
                loaded_at = snapshot.LoadedAt,
            });
        });
        return app;
    }
}
