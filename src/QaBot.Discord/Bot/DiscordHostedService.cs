using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Answering;
using QaBot.Discord.Gateway;
using QaBot.Discord.Rest;

namespace QaBot.Discord.Bot;

/// <summary>
/// Runs the Discord bot in the host: registers the commands, runs the gateway, and at shutdown closes it with 1000
/// and lets the answers in progress finish. A Discord failure never stops the host; it shows in the health.
/// </summary>
internal sealed partial class DiscordHostedService(
    IDiscordGateway gateway,
    IDiscordRestApi api,
    DiscordBot bot,
    InFlightWork work,
    DiscordStatus status,
    IOptions<DiscordOptions> options,
    IOptions<AnsweringOptions> answeringOptions,
    ILogger<DiscordHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        try
        {
            bot.ApplicationId = settings.ApplicationId is { Length: > 0 } configured ? configured : null;
            if (settings.RegisterCommands && !await RegisterCommandsAsync(settings, stoppingToken))
            {
                return;
            }

            if (!settings.UseGateway)
            {
                status.Set(DiscordConnectionState.EndpointOnly);
                LogEndpointOnly(logger);
                return;
            }

            await gateway.RunAsync(bot, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
        catch (Exception ex)
        {
            status.Fail("unexpected error: " + ex.GetType().Name);
            LogCrashed(logger, ex);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (options.Value.UseGateway)
        {
            await gateway.CloseAsync(cancellationToken);
        }

        await work.DrainAsync(TimeSpan.FromSeconds(options.Value.DrainSeconds), cancellationToken);
        await base.StopAsync(cancellationToken);
    }

    /// <summary>Bulk-overwrites <c>/ask</c>, <c>/about</c> and <c>/kb</c>; false when the token was refused (a fatal stop).</summary>
    private async Task<bool> RegisterCommandsAsync(DiscordOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            var applicationId = bot.ApplicationId ?? (await api.GetCurrentApplicationAsync(cancellationToken)).Id;
            bot.ApplicationId = applicationId;
            var maxChars = answeringOptions.Value.MaxQuestionChars;
            if (settings.CommandGuildIds.Count == 0)
            {
                await api.OverwriteCommandsAsync(applicationId, null, DiscordCommands.Definitions(global: true, maxChars), cancellationToken);
                LogRegistered(logger, "globally", 1);
            }
            else
            {
                foreach (var guildId in settings.CommandGuildIds)
                {
                    await api.OverwriteCommandsAsync(applicationId, guildId, DiscordCommands.Definitions(global: false, maxChars), cancellationToken);
                }

                LogRegistered(logger, "in guilds", settings.CommandGuildIds.Count);
            }

            return true;
        }
        catch (DiscordRestException ex) when (ex.IsBadToken)
        {
            var reason = ex.BadTokenReason;
            status.Fail(reason);
            DiscordLog.Fatal(logger, reason);
            return false;
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
        {
            LogRegisterFailed(logger, ex); // mentions and DMs still work; the commands stay as they were
            return true;
        }
    }

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Discord: registered /ask, /about and /kb {Scope} ({Count})")]
    private static partial void LogRegistered(ILogger logger, string scope, int count);

    [LoggerMessage(EventId = 6402, Level = LogLevel.Error, Message = "Discord: could not register the slash commands")]
    private static partial void LogRegisterFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6403, Level = LogLevel.Information, Message = "Discord: gateway off; interactions arrive at the HTTP endpoint only")]
    private static partial void LogEndpointOnly(ILogger logger);

    [LoggerMessage(EventId = 6404, Level = LogLevel.Critical, Message = "Discord: the bot stopped on an unexpected error")]
    private static partial void LogCrashed(ILogger logger, Exception exception);
}
