using QaBot.Answering.Conversations;

namespace QaBot.Discord.Bot;

/// <summary>
/// The conversation of a Discord message or /ask: its channel (a thread has its own channel id, a DM its DM channel id) and
/// the asker, so that in a shared channel each person keeps their own context. Null without a channel.
/// </summary>
internal static class DiscordConversation
{
    public const string Platform = "discord";

    public static ConversationKey? Key(string? channelId, string? userId) =>
        string.IsNullOrWhiteSpace(channelId) ? null : new ConversationKey(Platform, channelId, userId);
}
