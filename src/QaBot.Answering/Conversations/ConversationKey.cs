namespace QaBot.Answering.Conversations;

/// <summary>
/// Which conversation a turn belongs to: the platform (<c>discord</c>, <c>teams</c>, <c>api</c>, <c>web</c>), the
/// platform's conversation id (a Discord channel or thread, a Teams conversation, a chat-page session, an API
/// <c>conversation_id</c>) and, when known, the asker's user id (a shared channel keeps one context per person).
/// Stores never keep these ids in plain text: they key conversations by an HMAC of them.
/// </summary>
public sealed record ConversationKey
{
    public ConversationKey(string platform, string conversationId, string? userId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(platform);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        Platform = platform.Trim().ToLowerInvariant();
        ConversationId = conversationId;
        UserId = string.IsNullOrWhiteSpace(userId) ? null : userId;
    }

    /// <summary>The platform, trimmed and lowercase.</summary>
    public string Platform { get; }

    public string ConversationId { get; }

    /// <summary>The asker's id on the platform; null when the platform sends none.</summary>
    public string? UserId { get; }
}
