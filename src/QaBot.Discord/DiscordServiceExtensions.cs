using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QaBot.Answering.Turns;
using QaBot.Discord.Bot;
using QaBot.Discord.Gateway;
using QaBot.Discord.Interactions;
using QaBot.Discord.Moderation;
using QaBot.Discord.Rest;
using QaBot.Moderation;

namespace QaBot.Discord;

public static class DiscordServiceExtensions
{
    /// <summary>
    /// Registers the Discord bot when <c>QaBot:Discord:Enabled</c> is true (options checked at start-up); does
    /// nothing otherwise. Needs <c>AddAnswering()</c> for <see cref="QaBot.Answering.IAnswerService"/>, an <c>IKnowledgeBase</c> and
    /// <c>AddModeration()</c> for <see cref="IModeratorCommands"/>; with <c>ModeratorChannelId</c> set, the channel joins
    /// the moderators' channels that the moderation notifier posts to. Registers the question turn and the shared rate
    /// limits itself (<see cref="QuestionTurnServiceExtensions.AddQuestionTurn"/>, once for all platforms).
    /// </summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        if (!builder.Configuration.GetSection(DiscordOptions.SectionName).GetValue<bool>(nameof(DiscordOptions.Enabled)))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<DiscordOptions>()
            .BindConfiguration(DiscordOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(Jitter.Shared);
        services.TryAddSingleton<DiscordMetrics>();
        services.AddQuestionTurn();

        services.AddHttpClient(DiscordRestClient.HttpClientName, (sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
                client.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                client.DefaultRequestHeaders.UserAgent.ParseAdd(DiscordUserAgent.For(options));
            })
            .RemoveAllLoggers(); // request logs would carry interaction tokens, which travel in paths

        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<IDiscordRestApi, DiscordRestClient>();
        services.TryAddSingleton<IDiscordGateway, DiscordGatewayClient>();
        services.TryAddSingleton<DiscordStatus>();
        services.TryAddSingleton<IDiscordHealth>(sp => sp.GetRequiredService<DiscordStatus>());
        services.TryAddSingleton<FeedbackContextStore>();
        services.TryAddSingleton<UserCooldown>();
        services.TryAddSingleton<InFlightWork>();
        services.TryAddSingleton<SeenInteractions>();
        services.TryAddSingleton<AnswerMessageBuilder>();
        services.TryAddSingleton<ModeratorCheck>();
        services.TryAddSingleton<ModeratorInteractions>();
        services.TryAddSingleton<DiscordBot>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[DiscordOptions.SectionName + ":" + nameof(DiscordOptions.ModeratorChannelId)]))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IModeratorChannel, DiscordModeratorChannel>());
        }

        services.TryAddSingleton<InteractionSignatureVerifier>();
        services.AddHostedService<DiscordHostedService>();
        return builder;
    }

    /// <summary>Maps <c>POST /api/discord/interactions</c> when Discord and <c>InteractionsEndpoint</c> are on; else nothing.</summary>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetService<IOptions<DiscordOptions>>()?.Value;
        if (options is { Enabled: true, InteractionsEndpoint: true } && app.ServiceProvider.GetService<DiscordBot>() is not null)
        {
            app.MapPost(InteractionsEndpoint.Path, InteractionsEndpoint.HandleAsync)
                .DisableAntiforgery()
                .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(InteractionsEndpoint.MaxBodyBytes));
        }

        return app;
    }
}
