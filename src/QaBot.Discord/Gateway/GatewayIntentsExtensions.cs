namespace QaBot.Discord.Gateway;

internal static class GatewayIntentsExtensions
{
    /// <summary>
    /// GUILDS always (channels and threads), GUILD_MESSAGES for mentions, DIRECT_MESSAGES for DMs, and the privileged
    /// MESSAGE_CONTENT only when configured: mentions and DMs carry their text without it.
    /// </summary>
    public static GatewayIntents FromOptions(DiscordOptions options)
    {
        var intents = GatewayIntents.Guilds;
        if (options.AnswerMentions)
        {
            intents |= GatewayIntents.GuildMessages;
        }

        if (options.AnswerDirectMessages)
        {
            intents |= GatewayIntents.DirectMessages;
        }

        if (options.MessageContentIntent)
        {
            intents |= GatewayIntents.MessageContent;
        }

        return intents;
    }
}
