namespace QaBot.Answering.RateLimiting;

/// <summary>
/// A token bucket: up to <see cref="TokenLimit"/> questions at once, refilled with <see cref="TokensPerPeriod"/> every
/// <see cref="ReplenishmentPeriod"/>. Checked by <see cref="RateLimitOptionsValidator"/>.
/// </summary>
public sealed class TokenBucketOptions
{
    /// <summary>Questions that may be asked in a burst (the bucket's size).</summary>
    public int TokenLimit { get; set; }

    /// <summary>Questions given back every <see cref="ReplenishmentPeriod"/>.</summary>
    public int TokensPerPeriod { get; set; }

    /// <summary>How often <see cref="TokensPerPeriod"/> questions are given back.</summary>
    public TimeSpan ReplenishmentPeriod { get; set; }
}
