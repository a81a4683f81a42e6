namespace QaBot.Analytics;

/// <summary>
/// The analytics cannot answer: they are turned off, or the database cannot be opened or read. The message is meant
/// for a moderator (it names the setting or the database and the reason) and never contains question text or user ids.
/// </summary>
public sealed class AnalyticsUnavailableException : Exception
{
    public AnalyticsUnavailableException(string message)
        : base(message)
    {
    }

    public AnalyticsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
