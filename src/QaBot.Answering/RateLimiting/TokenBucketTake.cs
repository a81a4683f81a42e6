namespace QaBot.Answering.RateLimiting;

/// <summary>Whether a token was taken; if not, how long until the next one.</summary>
public readonly record struct TokenBucketTake(bool Acquired, TimeSpan RetryAfter)
{
    public static TokenBucketTake Taken { get; } = new(true, TimeSpan.Zero);
}
