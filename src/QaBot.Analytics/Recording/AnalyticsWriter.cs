using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Analytics.Storage;

namespace QaBot.Analytics.Recording;

/// <summary>
/// Drains the queue in batches into the store, in the background. When the store fails (cannot open, locked, disk
/// full, no key), the batch is counted in <c>qabot.analytics.write_failures</c>, the failure is logged once (never with
/// text) and the store is left alone for <see cref="AnalyticsOptions.RetryDelay"/>; batches in that time are counted as
/// failures too. At shutdown the queue is closed and what it holds is written within <see cref="AnalyticsOptions.FlushTimeout"/>;
/// what is left after that is counted as dropped.
/// </summary>
internal sealed partial class AnalyticsWriter(
    AnalyticsQueue queue,
    RecordFactory recordFactory,
    IAnalyticsStore store,
    AnalyticsMetrics metrics,
    IOptions<AnalyticsOptions> options,
    TimeProvider time,
    ILogger<AnalyticsWriter> logger) : IHostedService, IDisposable
{
    public const int MaxBatch = 256;

    private readonly CancellationTokenSource stopping = new();
    private DateTimeOffset retryAt = DateTimeOffset.MinValue;
    private bool failing;
    private Task? loop;
    private volatile bool disposed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not a BackgroundService: its loop would never run if the host stopped before the thread pool started it, and
        // then nothing queued would be flushed. This loop always starts, and sees the stop whenever it comes.
        loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (loop is null || disposed)
        {
            return; // never started, or the container was disposed first (a test host stopping late): nothing to flush into
        }

        // Synchronously, so that the flush deadline is armed (on the TimeProvider) before this method returns.
        stopping.Cancel();
        try
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the host's own shutdown timeout came first; the flush has its own, shorter one
        }
    }

    public void Dispose()
    {
        disposed = true;
        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        var flushTimeout = options.Value.FlushTimeout;
        using var registration = stoppingToken.Register(() =>
        {
            queue.Complete();
            deadline.CancelAfter(flushTimeout);
        });
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await WriteQueuedAsync(deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: flush below
        }

        await WriteQueuedAsync(deadline.Token).ConfigureAwait(false);
        var left = 0;
        while (queue.Reader.TryRead(out _))
        {
            left++;
        }

        if (left > 0)
        {
            metrics.RecordDropped(left, "shutdown");
            LogFlushIncomplete(logger, left, flushTimeout.TotalSeconds);
        }
    }

    /// <summary>Writes everything queued now, batch by batch, until the queue is empty or the token is cancelled.</summary>
    internal async Task WriteQueuedAsync(CancellationToken cancellationToken)
    {
        var batch = new List<AnalyticsEvent>(MaxBatch);
        while (!cancellationToken.IsCancellationRequested)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count == 0)
            {
                return;
            }

            await WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteBatchAsync(List<AnalyticsEvent> batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < retryAt)
        {
            metrics.RecordFailures(batch.Count);
            return;
        }

        try
        {
            var records = recordFactory.ToBatch(batch);
            await store.WriteAsync(records, cancellationToken).ConfigureAwait(false);
            metrics.RecordWrites(records.Questions.Count, "question");
            metrics.RecordWrites(records.Feedback.Count, "feedback");
            queue.ResetWarning();
            if (failing)
            {
                failing = false;
                LogRecovered(logger, store.Location);
            }
        }
        catch (Exception ex)
        {
            metrics.RecordFailures(batch.Count);
            retryAt = now + options.Value.RetryDelay;
            var reason = store.DescribeFailure(ex);
            if (!failing)
            {
                failing = true;
                LogUnavailable(logger, store.Location, reason, batch.Count, options.Value.RetryDelay.TotalSeconds);
            }
            else
            {
                LogStillUnavailable(logger, batch.Count, reason);
            }
        }
    }

    [LoggerMessage(EventId = 7020, Level = LogLevel.Warning,
        Message = "Analytics: cannot write to {Location} ({Reason}); {Count} records lost (qabot.analytics.write_failures), answering goes on. Trying again in {RetrySeconds} s")]
    private static partial void LogUnavailable(ILogger logger, string location, string reason, int count, double retrySeconds);

    [LoggerMessage(EventId = 7021, Level = LogLevel.Debug, Message = "Analytics: still cannot write; {Count} more records lost ({Reason})")]
    private static partial void LogStillUnavailable(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 7022, Level = LogLevel.Information, Message = "Analytics: writing to {Location} again")]
    private static partial void LogRecovered(ILogger logger, string location);

    [LoggerMessage(EventId = 7023, Level = LogLevel.Warning, Message = "Analytics: shutdown came before {Count} queued records could be written within {Seconds} s; they were dropped")]
    private static partial void LogFlushIncomplete(ILogger logger, int count, double seconds);
}
