namespace QaBot.Answering.Conversations;

/// <summary>The conversation store cannot be reached (Redis is down), so a deletion could not be done.</summary>
public sealed class ConversationStoreUnavailableException : Exception
{
    public ConversationStoreUnavailableException()
    {
    }

    public ConversationStoreUnavailableException(string message)
        : base(message)
    {
    }

    public ConversationStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
