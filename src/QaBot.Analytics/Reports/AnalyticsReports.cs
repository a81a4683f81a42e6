using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaBot.Analytics.Storage;

namespace QaBot.Analytics.Reports;

/// <summary>The reports over <see cref="IAnalyticsStore"/>: arguments clamped, failures turned into <see cref="AnalyticsUnavailableException"/>.</summary>
internal sealed partial class AnalyticsReports(
    IAnalyticsStore store,
    IOptions<AnalyticsOptions> options,
    TimeProvider time,
    ILogger<AnalyticsReports> logger) : IAnalyticsReports
{
    public static readonly TimeSpan MinWindow = TimeSpan.FromHours(1);

    public async Task<GapReport> GetGapsAsync(TimeSpan window, int limit, CancellationToken cancellationToken)
    {
        var (since, until) = Window(window);
        var bounded = Math.Clamp(limit, 1, IAnalyticsReports.MaxLimit);
        return await GuardAsync(() => store.GetGapsAsync(since, until, bounded, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async Task<FeedbackReport> GetFeedbackAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var (since, until) = Window(window);
        return await GuardAsync(() => store.GetFeedbackAsync(since, until, IAnalyticsReports.MaxPassages, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private (DateTimeOffset Since, DateTimeOffset Until) Window(TimeSpan window)
    {
        if (!options.Value.Enabled)
        {
            throw new AnalyticsUnavailableException(
                "Analytics are turned off (QaBot:Analytics:Enabled is false): no questions or feedback are recorded, so there is nothing to report.");
        }

        var retention = options.Value.Retention;
        var clamped = window < MinWindow ? MinWindow : window > retention ? retention : window;
        var until = time.GetUtcNow();

        // One millisecond past now, so that what was recorded this very moment is in the report.
        return (until - clamped, until.AddMilliseconds(1));
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (AnalyticsUnavailableException ex)
        {
            LogUnavailable(logger, store.Location, ex.Message);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = store.DescribeFailure(ex);
            LogUnavailable(logger, store.Location, reason);
            throw new AnalyticsUnavailableException($"The analytics database {store.Location} cannot be read: {reason}", ex);
        }
    }

    [LoggerMessage(EventId = 7040, Level = LogLevel.Warning, Message = "Analytics: a report could not be made from {Location} ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string location, string reason);
}
