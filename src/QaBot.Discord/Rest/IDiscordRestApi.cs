using QaBot.Discord.Model;

namespace QaBot.Discord.Rest;

/// <summary>
/// The Discord REST calls QaBot makes. Ours is <see cref="DiscordRestClient"/>; a maintained library's client can
/// stand behind this interface instead. Calls wait out rate limits and retry server errors; other refusals throw
/// <see cref="DiscordRestException"/>.
/// </summary>
public interface IDiscordRestApi
{
    /// <summary><c>GET /gateway/bot</c>: the gateway URL, recommended shards and the session start limit.</summary>
    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /applications/@me</c>: the bot's application.</summary>
    Task<DiscordApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the application's commands, globally (<paramref name="guildId"/> null) or in one guild.</summary>
    Task OverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken);

    /// <summary>Posts a message in a channel or thread.</summary>
    Task<DiscordMessage> CreateMessageAsync(string channelId, MessageCreate message, CancellationToken cancellationToken);

    /// <summary>Starts a public thread on a message.</summary>
    Task<DiscordChannel> StartThreadFromMessageAsync(string channelId, string messageId, string name, CancellationToken cancellationToken);

    /// <summary>The first response to an interaction received on the gateway, within Discord's 3 s window counted from now.</summary>
    Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken);

    /// <summary>
    /// The first response to an interaction received at <paramref name="receivedAt"/>: retried (5xx, network errors, rate
    /// limits) only within Discord's 3 s window from then; once it has passed, it throws <see cref="DiscordRestException"/>.
    /// </summary>
    Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>A follow-up message to an interaction (after a deferral).</summary>
    Task<DiscordMessage> CreateFollowupMessageAsync(string applicationId, string interactionToken, MessageCreate message, CancellationToken cancellationToken);
}
