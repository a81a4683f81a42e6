namespace QaBot.Discord.Rest;

/// <summary>
/// One REST call: the method, the path (which may hold an interaction token, so it is never logged), and the route
/// template with its major parameter, which together name the rate-limit bucket until Discord tells the bucket's hash.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string MajorParameter, string Path)
{
    /// <summary>A loggable name, e.g. <c>POST channels/{channel_id}/messages</c>.</summary>
    public string Name => Method.Method + " " + Template;

    public static DiscordRoute GatewayBot() => new(HttpMethod.Get, "gateway/bot", "", "gateway/bot");

    public static DiscordRoute CurrentApplication() => new(HttpMethod.Get, "applications/@me", "", "applications/@me");

    public static DiscordRoute OverwriteGlobalCommands(string applicationId) =>
        new(HttpMethod.Put, "applications/{application_id}/commands", applicationId, $"applications/{Escape(applicationId)}/commands");

    public static DiscordRoute OverwriteGuildCommands(string applicationId, string guildId) =>
        new(HttpMethod.Put, "applications/{application_id}/guilds/{guild_id}/commands", guildId,
            $"applications/{Escape(applicationId)}/guilds/{Escape(guildId)}/commands");

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, "channels/{channel_id}/messages", channelId, $"channels/{Escape(channelId)}/messages");

    public static DiscordRoute StartThreadFromMessage(string channelId, string messageId) =>
        new(HttpMethod.Post, "channels/{channel_id}/messages/{message_id}/threads", channelId,
            $"channels/{Escape(channelId)}/messages/{Escape(messageId)}/threads");

    public static DiscordRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", interactionId,
            $"interactions/{Escape(interactionId)}/{Escape(token)}/callback");

    public static DiscordRoute FollowupMessage(string applicationId, string token) =>
        new(HttpMethod.Post, "webhooks/{application_id}/{interaction_token}", applicationId + "/" + token,
            $"webhooks/{Escape(applicationId)}/{Escape(token)}");

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
