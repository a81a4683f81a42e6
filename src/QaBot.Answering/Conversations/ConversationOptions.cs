namespace QaBot.Answering.Conversations;

/// <summary>
/// How much of a conversation is remembered. Section <c>QaBot:Conversations</c>. Checked at start-up by
/// <see cref="ConversationOptionsValidator"/>, which reports every problem in one message.
/// </summary>
public sealed class ConversationOptions
{
    public const string SectionName = "QaBot:Conversations";

    /// <summary>Turns remembered per conversation (the newest). Default 5.</summary>
    public int MaxTurns { get; set; } = 5;

    /// <summary>A conversation is forgotten this long after its last turn (sliding). Default 15 minutes.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The in-memory store keeps at most this many conversations; beyond it, the least recently used go first, so that
    /// memory stays bounded whatever the traffic. Default 10,000 (a few MB).
    /// </summary>
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Longest question or resolved question kept per turn (longer text is cut). Default 2000 characters.</summary>
    public int MaxTurnChars { get; set; } = 2000;
}
