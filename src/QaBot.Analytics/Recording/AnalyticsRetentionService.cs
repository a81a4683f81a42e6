using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Analytics.Storage;

namespace QaBot.Analytics.Recording;

/// <summary>
/// Deletes records older than <see cref="AnalyticsOptions.RetentionDays"/>: at start-up and then every
/// <see cref="AnalyticsOptions.CleanupInterval"/>, on the injected <see cref="TimeProvider"/>. Runs even when recording is
/// turned off, so that what was recorded before still expires. A failure is logged and retried at the next interval.
/// </summary>
internal sealed partial class AnalyticsRetentionService(
    IAnalyticsStore store,
    IOptions<AnalyticsOptions> options,
    TimeProvider time,
    ILogger<AnalyticsRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The timer starts before the first clean-up, so that the interval is measured from start-up.
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, time);
        try
        {
            do
            {
                await CleanupAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    /// <summary>Deletes what has expired; returns how many rows went (0 when the store failed).</summary>
    internal async Task<int> CleanupAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        try
        {
            var deleted = await store.DeleteOlderThanAsync(cutoff, cancellationToken).ConfigureAwait(false);
            if (deleted > 0)
            {
                LogDeleted(logger, deleted, options.Value.RetentionDays);
            }

            return deleted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, store.Location, store.DescribeFailure(ex));
            return 0;
        }
    }

    [LoggerMessage(EventId = 7030, Level = LogLevel.Information, Message = "Analytics: deleted {Count} records older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int days);

    [LoggerMessage(EventId = 7031, Level = LogLevel.Warning, Message = "Analytics: cannot delete expired records in {Location} ({Reason}); trying again at the next clean-up")]
    private static partial void LogFailed(ILogger logger, string location, string reason);
}
