using Microsoft.Extensions.Logging;

namespace QaBot.Answering.Feedback;

/// <summary>The default sink until a store is configured: counts feedback in the log (no user ids, no text).</summary>
public sealed partial class LoggingFeedbackSink(ILogger<LoggingFeedbackSink> logger) : IFeedbackSink
{
    public ValueTask RecordAsync(FeedbackEntry feedback, CancellationToken cancellationToken)
    {
        LogFeedback(logger, feedback.Platform, feedback.Helpful, feedback.PassageIds.Count);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Feedback on {Platform}: helpful={Helpful}, {Citations} cited passages")]
    private static partial void LogFeedback(ILogger logger, string platform, bool helpful, int citations);
}
