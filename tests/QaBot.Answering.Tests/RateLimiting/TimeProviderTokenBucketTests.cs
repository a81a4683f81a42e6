using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using QaBot.Answering.RateLimiting;

namespace QaBot.Answering.Tests.RateLimiting;

public sealed class TimeProviderTokenBucketTests
{
    private readonly FakeTimeProvider time = new();

    private TimeProviderTokenBucket Bucket(int limit = 2, int perPeriod = 1, int periodSeconds = 10) =>
        new(new TokenBucketOptions { TokenLimit = limit, TokensPerPeriod = perPeriod, ReplenishmentPeriod = TimeSpan.FromSeconds(periodSeconds) }, time);

    [Fact]
    public void AttemptAcquire_Empty_FailsWithRetryAfterMetadata()
    {
        using var bucket = Bucket();
        bucket.AttemptAcquire().Dispose();
        bucket.AttemptAcquire().Dispose();
        time.Advance(TimeSpan.FromSeconds(4));

        using var lease = bucket.AttemptAcquire();

        Assert.False(lease.IsAcquired);
        Assert.True(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(6), retryAfter);
    }

    [Fact]
    public void IdleDuration_OnlyWhenFullAgain_SoAPartitionIsForgottenWithoutLosingState()
    {
        using var bucket = Bucket();
        bucket.AttemptAcquire().Dispose();

        var whileNotFull = bucket.IdleDuration;
        time.Advance(TimeSpan.FromSeconds(15));
        var afterRefill = bucket.IdleDuration;

        Assert.Null(whileNotFull);
        Assert.Equal(TimeSpan.FromSeconds(5), afterRefill);
    }

    [Fact]
    public void GetStatistics_CountsLeasesAndTokens()
    {
        using var bucket = Bucket(limit: 3);
        bucket.AttemptAcquire().Dispose();
        bucket.AttemptAcquire(2).Dispose();
        bucket.AttemptAcquire().Dispose();

        var statistics = bucket.GetStatistics()!;

        Assert.Equal(0, statistics.CurrentAvailablePermits);
        Assert.Equal(2, statistics.TotalSuccessfulLeases);
        Assert.Equal(1, statistics.TotalFailedLeases);
    }

    [Fact]
    public void AttemptAcquire_LongIdle_RefillsOnlyToTheLimit()
    {
        using var bucket = Bucket(limit: 2, perPeriod: 1, periodSeconds: 1);
        bucket.AttemptAcquire(2).Dispose();
        time.Advance(TimeSpan.FromDays(3));

        Assert.True(bucket.AttemptAcquire(2).IsAcquired);
        Assert.False(bucket.AttemptAcquire().IsAcquired);
    }
}
