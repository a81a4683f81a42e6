using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering.Turns;
using QaBot.Moderation;
using QaBot.Teams.Cards;
using QaBot.Teams.Moderation;

namespace QaBot.Teams;

public static partial class TeamsServiceExtensions
{
    /// <summary>The Bot Framework messaging endpoint.</summary>
    public const string MessagesPath = "/api/messages";

    /// <summary>
    /// Registers the Teams bot with validated options. Nothing runs, and nothing is fetched, unless an app id is
    /// configured or <c>QaBot:Teams:LocalMode</c> is on. Needs <c>AddModeration()</c> for the moderators' commands; with
    /// <c>QaBot:Teams:ModeratorChannel</c> set, that conversation joins the moderators' channels.
    /// </summary>
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TeamsOptions>()
            .BindConfiguration(TeamsOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.MicrosoftAppType = configuration[MicrosoftAppCredentials.MicrosoftAppTypeKey];
                options.MicrosoftAppId = configuration[MicrosoftAppCredentials.MicrosoftAppIdKey];
                options.MicrosoftAppPassword = configuration[MicrosoftAppCredentials.MicrosoftAppPasswordKey];
                options.MicrosoftAppTenantId = configuration[MicrosoftAppCredentials.MicrosoftAppTenantIdKey];
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<TeamsMetrics>();
        builder.Services.AddQuestionTurn();
        builder.Services.TryAddSingleton<TeamsHttpClientFactory>();
        builder.Services.TryAddSingleton<ServiceClientCredentialsFactory>(sp => new ConfigurationServiceClientCredentialFactory(
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<TeamsHttpClientFactory>().CreateClient("token"),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.Bot.Connector.Authentication")));
        builder.Services.TryAddSingleton(sp => new TeamsAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                sp.GetRequiredService<IConfiguration>(),
                sp.GetRequiredService<ServiceClientCredentialsFactory>(),
                new AuthenticationConfiguration(),
                sp.GetRequiredService<TeamsHttpClientFactory>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.Bot.Connector.Authentication")),
            sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<TeamsMetrics>(),
            sp.GetRequiredService<ILogger<TeamsAuthentication>>()));
        builder.Services.TryAddSingleton<TeamsBotAdapter>();
        builder.Services.TryAddSingleton<TeamsCards>();
        builder.Services.TryAddSingleton<ModeratorCards>();
        builder.Services.TryAddSingleton<TeamsModerators>();
        if (!string.IsNullOrWhiteSpace(builder.Configuration[TeamsOptions.SectionName + ":ModeratorChannel:ConversationId"]))
        {
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IModeratorChannel, TeamsModeratorChannel>());
        }

        builder.Services.TryAddSingleton<TeamsBot>();

        // When /api/messages is served, the server's request-body backstop must let its own limit through. Read from the
        // configuration, not the options: Kestrel reads its options while the host is built, before the start-up checks.
        builder.Services.AddOptions<KestrelServerOptions>().PostConfigure<IConfiguration>((kestrel, configuration) =>
        {
            var served = !string.IsNullOrWhiteSpace(configuration[MicrosoftAppCredentials.MicrosoftAppIdKey])
                || string.Equals(configuration[TeamsOptions.SectionName + ":" + nameof(TeamsOptions.LocalMode)], "true", StringComparison.OrdinalIgnoreCase);
            if (!served)
            {
                return;
            }

            var text = configuration[TeamsOptions.SectionName + ":" + nameof(TeamsOptions.MaxRequestBodyBytes)];
            var limit = int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var configured) && configured > 0
                ? configured
                : new TeamsOptions().MaxRequestBodyBytes;
            if (kestrel.Limits.MaxRequestBodySize is { } backstop && backstop < limit)
            {
                kestrel.Limits.MaxRequestBodySize = limit;
            }
        });
        builder.Services.TryAddSingleton<MessagesEndpoint>();
        builder.Services.AddHostedService<LocalModeGuard>(); // local mode: refuses to start on an address other machines reach
        return builder;
    }

    /// <summary>Maps <c>POST /api/messages</c> when Teams is configured; otherwise maps nothing and says so in the log.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        var services = app.ServiceProvider;
        var options = services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsServiceExtensions).FullName!);
        if (!options.Enabled)
        {
            LogNotConfigured(logger);
            return app;
        }

        // Build the adapter now, so that a registration the SDK rejects stops the host at start-up.
        services.GetRequiredService<TeamsBotAdapter>();
        app.MapPost(MessagesPath, (HttpContext context, MessagesEndpoint endpoint) => endpoint.HandleAsync(context));
        LogServing(logger, MessagesPath, options.Authenticated ? "authenticated" : "local (Emulator, loopback replies only)");
        return app;
    }

    [LoggerMessage(EventId = 5050, Level = LogLevel.Information, Message = "Microsoft Teams is not configured: no MicrosoftAppId and QaBot:Teams:LocalMode is off, so /api/messages is not served")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(EventId = 5051, Level = LogLevel.Information, Message = "Microsoft Teams bot served at {Path}, {Mode}")]
    private static partial void LogServing(ILogger logger, string path, string mode);
}
