namespace QaBot.Teams.Moderation;

/// <summary>
/// A Teams conversation the bot can post to on its own (a proactive message), e.g. the moderators' channel. Both values
/// are in every activity the bot receives from that conversation (<c>serviceUrl</c>, <c>conversation.id</c>); a channel's
/// id is also in its link ("Get link to channel": the <c>19:...@thread.tacv2</c> part, URL-decoded). The bot must be
/// installed in the team or chat.
/// </summary>
public sealed class TeamsConversationOptions
{
    /// <summary>The Bot Connector URL of the conversation's region, e.g. <c>https://smba.trafficmanager.net/emea/</c>.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The conversation (or channel) id, e.g. <c>19:abc...@thread.tacv2</c>.</summary>
    public string? ConversationId { get; set; }

    /// <summary>The tenant of the conversation (recommended by Teams for proactive messages). Optional.</summary>
    public string? TenantId { get; set; }

    /// <summary>True when any value is set (then both <see cref="ServiceUrl"/> and <see cref="ConversationId"/> must be).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ServiceUrl) || !string.IsNullOrWhiteSpace(ConversationId);
}
