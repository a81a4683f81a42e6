using System.Threading.RateLimiting;

namespace QaBot.Answering.RateLimiting;

/// <summary>
/// <see cref="ITokenBucketStore"/> in this process: a <see cref="PartitionedRateLimiter"/> of
/// <see cref="TimeProviderTokenBucket"/>s, one per bucket id (a bucket is forgotten once it is full again, so memory stays
/// bounded by the users who asked recently). The default, and the fallback of a shared store that cannot be reached.
/// </summary>
public sealed class InMemoryTokenBucketStore : ITokenBucketStore, IDisposable
{
    private readonly PartitionedRateLimiter<(string Id, TokenBucketOptions Bucket)> buckets;

    public InMemoryTokenBucketStore(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        buckets = PartitionedRateLimiter.Create<(string Id, TokenBucketOptions Bucket), string>(
            request => RateLimitPartition.Get(request.Id, _ => new TimeProviderTokenBucket(request.Bucket, time)));
    }

    public TokenBucketTake Take(string bucketId, TokenBucketOptions bucket)
    {
        using var lease = buckets.AttemptAcquire((bucketId, bucket));
        if (lease.IsAcquired)
        {
            return TokenBucketTake.Taken;
        }

        return new TokenBucketTake(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1));
    }

    public void Dispose() => buckets.Dispose();
}
