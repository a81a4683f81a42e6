using QaBot.Analytics.Reports;
using QaBot.Analytics.Storage;

namespace QaBot.Analytics.Tests.Support;

/// <summary>The real store, except that writes can be made to fail or to wait.</summary>
internal sealed class ControllableStore(IAnalyticsStore inner) : IAnalyticsStore
{
    /// <summary>Runs before each write; throw to fail it, await to hold it.</summary>
    public Func<CancellationToken, Task>? BeforeWrite { get; set; }

    public int WriteCalls { get; private set; }

    public string Location => inner.Location;

    public async Task WriteAsync(AnalyticsBatch batch, CancellationToken cancellationToken)
    {
        WriteCalls++;
        if (BeforeWrite is { } before)
        {
            await before(cancellationToken);
        }

        await inner.WriteAsync(batch, cancellationToken);
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.DeleteOlderThanAsync(cutoff, cancellationToken);

    public Task<IReadOnlyList<string>> GetPlatformsAsync(CancellationToken cancellationToken) => inner.GetPlatformsAsync(cancellationToken);

    public Task<ForgetResult> DeleteUsersAsync(IReadOnlyCollection<string> userHashes, CancellationToken cancellationToken) => inner.DeleteUsersAsync(userHashes, cancellationToken);

    public Task<GapReport> GetGapsAsync(DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken) =>
        inner.GetGapsAsync(since, until, limit, cancellationToken);

    public Task<FeedbackReport> GetFeedbackAsync(DateTimeOffset since, DateTimeOffset until, int passages, CancellationToken cancellationToken) =>
        inner.GetFeedbackAsync(since, until, passages, cancellationToken);

    public string DescribeFailure(Exception exception) => inner.DescribeFailure(exception);
}
