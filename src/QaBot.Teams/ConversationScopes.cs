using Microsoft.Bot.Schema;

namespace QaBot.Teams;

/// <summary>Reads the <see cref="ConversationScope"/> of an activity.</summary>
internal static class ConversationScopes
{
    public static ConversationScope Of(IActivity activity) => activity.Conversation?.ConversationType switch
    {
        "channel" => ConversationScope.Channel,
        "groupChat" => ConversationScope.GroupChat,
        _ when activity.Conversation?.IsGroup == true => ConversationScope.GroupChat,
        _ => ConversationScope.Personal,
    };
}
