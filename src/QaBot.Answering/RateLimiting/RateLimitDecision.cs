namespace QaBot.Answering.RateLimiting;

/// <summary>Whether a question is taken; if not, why, how long to wait, and the polite reply (without the reminder).</summary>
public sealed record RateLimitDecision(RateLimitOutcome Outcome, TimeSpan RetryAfter, string Reply)
{
    public static RateLimitDecision Allow { get; } = new(RateLimitOutcome.Allowed, TimeSpan.Zero, "");

    public bool Allowed => Outcome == RateLimitOutcome.Allowed;

    /// <summary>Whole seconds to wait, at least 1 (for <c>Retry-After</c> and the reply).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
