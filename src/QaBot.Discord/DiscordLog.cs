using Microsoft.Extensions.Logging;

namespace QaBot.Discord;

/// <summary>Log messages shared by several Discord types.</summary>
internal static partial class DiscordLog
{
    /// <summary>The one message of a fatal stop (bad token, sharding, intents).</summary>
    [LoggerMessage(EventId = 6014, Level = LogLevel.Critical, Message = "Discord stopped and will not reconnect: {Reason}. Fix the configuration and restart QaBot.")]
    public static partial void Fatal(ILogger logger, string reason);
}
