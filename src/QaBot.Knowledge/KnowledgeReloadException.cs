namespace QaBot.Knowledge;

/// <summary>
/// A load or reload of the knowledge could not finish (a disk error, a folder deleted while read, ...). After a
/// reload, the knowledge loaded before is still served; <see cref="Exception.InnerException"/> says what went wrong.
/// </summary>
public sealed class KnowledgeReloadException : Exception
{
    public KnowledgeReloadException()
    {
    }

    public KnowledgeReloadException(string message)
        : base(message)
    {
    }

    public KnowledgeReloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
