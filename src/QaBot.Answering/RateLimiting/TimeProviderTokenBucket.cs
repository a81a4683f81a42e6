using System.Threading.RateLimiting;

namespace QaBot.Answering.RateLimiting;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>, refilled lazily when asked (no timer). System.Threading.RateLimiting's
/// own <see cref="TokenBucketRateLimiter"/> measures time with the system tick count even when replenished by hand, so it
/// cannot follow a test's fake clock; this one can. No queue: a request either gets a token now or learns how long to
/// wait (<see cref="MetadataName.RetryAfter"/>). Reports itself idle only when full, so that a
/// <see cref="PartitionedRateLimiter"/> may forget it without losing anything.
/// </summary>
internal sealed class TimeProviderTokenBucket : ReplenishingRateLimiter
{
    private static readonly RateLimitLease Acquired = new BucketLease(true, null);

    private readonly TimeProvider time;
    private readonly int tokenLimit;
    private readonly int tokensPerPeriod;
    private readonly TimeSpan period;
    private readonly long periodStamps;
    private readonly Lock gate = new();
    private int tokens;
    private long lastRefill;
    private long? fullSince;
    private long successful;
    private long failed;

    public TimeProviderTokenBucket(TokenBucketOptions options, TimeProvider time)
    {
        this.time = time;
        tokenLimit = options.TokenLimit;
        tokensPerPeriod = options.TokensPerPeriod;
        period = options.ReplenishmentPeriod;
        periodStamps = Math.Max(1, (long)(period.TotalSeconds * time.TimestampFrequency));
        tokens = tokenLimit;
        lastRefill = time.GetTimestamp();
        fullSince = lastRefill;
    }

    public override bool IsAutoReplenishing => true;

    public override TimeSpan ReplenishmentPeriod => period;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                var now = time.GetTimestamp();
                Refill(now);
                return fullSince is { } since ? time.GetElapsedTime(since, now) : null;
            }
        }
    }

    /// <summary>Refilling is lazy (on every request), so there is nothing to do by hand.</summary>
    public override bool TryReplenish() => false;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            Refill(time.GetTimestamp());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = tokens,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = successful,
                TotalFailedLeases = failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, tokenLimit);
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        lock (gate)
        {
            var now = time.GetTimestamp();
            Refill(now);
            if (tokens >= Math.Max(permitCount, 1))
            {
                tokens -= permitCount;
                if (permitCount > 0)
                {
                    fullSince = null;
                }

                successful++;
                return Acquired;
            }

            failed++;
            return new BucketLease(false, TimeUntil(Math.Max(permitCount, 1), now));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }

    /// <summary>Adds the tokens of every whole period since the last refill; a full bucket banks no time.</summary>
    private void Refill(long now)
    {
        if (tokens >= tokenLimit)
        {
            lastRefill = now;
            return;
        }

        var periods = (now - lastRefill) / periodStamps;
        if (periods <= 0)
        {
            return;
        }

        var added = periods >= tokenLimit ? tokenLimit : periods * tokensPerPeriod;
        tokens = (int)Math.Min(tokenLimit, tokens + added);
        lastRefill += periods * periodStamps;
        if (tokens >= tokenLimit)
        {
            fullSince = lastRefill;
            lastRefill = now;
        }
    }

    /// <summary>How long until <paramref name="needed"/> tokens are there.</summary>
    private TimeSpan TimeUntil(int needed, long now)
    {
        var missing = needed - tokens;
        var periods = (missing + tokensPerPeriod - 1) / tokensPerPeriod;
        var stamps = (periods * periodStamps) - (now - lastRefill);
        return TimeSpan.FromSeconds(Math.Max(stamps, 1) / (double)time.TimestampFrequency);
    }

    private sealed class BucketLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } value && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = value;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
