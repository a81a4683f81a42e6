using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QaBot.Analytics.Recording;

/// <summary>
/// The bounded in-memory queue between the answering path and the writer. Enqueuing never waits: when the queue is
/// full (the store is slow or gone), the record is dropped and counted.
/// </summary>
internal sealed partial class AnalyticsQueue
{
    private readonly Channel<AnalyticsEvent> channel;
    private readonly AnalyticsMetrics metrics;
    private readonly ILogger<AnalyticsQueue> logger;
    private int warnedFull;
    private volatile bool completed;

    public AnalyticsQueue(IOptions<AnalyticsOptions> options, AnalyticsMetrics metrics, ILogger<AnalyticsQueue> logger)
    {
        this.metrics = metrics;
        this.logger = logger;
        channel = Channel.CreateBounded<AnalyticsEvent>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails at once instead of waiting
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public ChannelReader<AnalyticsEvent> Reader => channel.Reader;

    /// <summary>Queues the record, or drops and counts it when the queue is full or closed. Never blocks, never throws.</summary>
    public bool TryEnqueue(AnalyticsEvent analyticsEvent)
    {
        if (channel.Writer.TryWrite(analyticsEvent))
        {
            return true;
        }

        if (completed)
        {
            metrics.RecordDropped(1, "stopped");
            return false;
        }

        metrics.RecordDropped(1, "queue_full");
        if (Interlocked.Exchange(ref warnedFull, 1) == 0)
        {
            LogQueueFull(logger);
        }

        return false;
    }

    /// <summary>The writer has caught up: warn again at the next overflow.</summary>
    public void ResetWarning() => Volatile.Write(ref warnedFull, 0);

    /// <summary>No more records (shutdown); later ones are dropped and counted.</summary>
    public void Complete()
    {
        completed = true;
        channel.Writer.TryComplete();
    }

    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "Analytics: the queue is full; new records are dropped and counted (qabot.analytics.dropped) until the writer catches up")]
    private static partial void LogQueueFull(ILogger logger);
}
