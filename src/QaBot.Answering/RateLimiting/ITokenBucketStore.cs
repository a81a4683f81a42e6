namespace QaBot.Answering.RateLimiting;

/// <summary>
/// Where the token buckets of <see cref="IQuestionRateLimiter"/> live: in this process
/// (<see cref="InMemoryTokenBucketStore"/>, the default) or shared by every replica (Redis). The answering slots are not
/// here: they protect one replica's CPU and stay in each process.
/// </summary>
public interface ITokenBucketStore
{
    /// <summary>
    /// Takes one token from the bucket <paramref name="bucketId"/> (<c>global</c>, or <c>user:platform:key</c>, which a
    /// shared store keeps only as an HMAC) shaped by <paramref name="bucket"/>. Never throws because a shared store is
    /// unreachable and never waits more than a fraction of a second: it then falls back to buckets in this process.
    /// </summary>
    TokenBucketTake Take(string bucketId, TokenBucketOptions bucket);
}
