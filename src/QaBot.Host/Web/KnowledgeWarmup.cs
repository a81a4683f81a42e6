using QaBot.Knowledge;

namespace QaBot.Host.Web;

/// <summary>Loads the knowledge in the background at start-up, so that the first question does not wait for it.</summary>
internal sealed partial class KnowledgeWarmup(IKnowledgeBase knowledge, ILogger<KnowledgeWarmup> logger) : BackgroundService
{
    public bool IsReady { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            _ = knowledge.Current;
            IsReady = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWarmupFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Critical, Message = "The knowledge could not be loaded")]
    private static partial void LogWarmupFailed(ILogger logger, Exception exception);
}
