using Microsoft.Bot.Schema;
using QaBot.Answering.Conversations;

namespace QaBot.Teams;

/// <summary>
/// The conversation of a Teams message: the Teams conversation (a personal chat, a group chat or a channel thread) and the
/// asker (their Entra object id, else their Teams id), so that in a shared chat each person keeps their own context.
/// </summary>
internal static class TeamsConversation
{
    public const string Platform = "teams";

    public static ConversationKey? Key(IActivity activity) =>
        string.IsNullOrWhiteSpace(activity.Conversation?.Id)
            ? null
            : new ConversationKey(Platform, activity.Conversation.Id, activity.From?.AadObjectId ?? activity.From?.Id);
}
