namespace QaBot.Discord.Rest;

/// <summary>One rate-limit bucket: requests in it go one at a time and wait while it is exhausted.</summary>
internal sealed class RateLimitBucket : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Requests left until <see cref="ResetAt"/>; null when unknown (no limit seen yet).</summary>
    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; }

    public void Dispose() => Gate.Dispose();
}
