using QaBot.Answering.RateLimiting;

namespace QaBot.Answering.Turns;

/// <summary>A question turned away before it was answered: why, how long to wait, and the polite reply with the reminder.</summary>
/// <param name="Reason"><see cref="RateLimitOutcome.UserLimited"/> (also a platform's own cooldown), global, or busy.</param>
/// <param name="RetryAfter">How long to wait before asking again.</param>
/// <param name="Text">The reply to show.</param>
/// <param name="Reminder">The standing reminder, shown with every reply.</param>
public sealed record TurnRefusal(RateLimitOutcome Reason, TimeSpan RetryAfter, string Text, string Reminder)
{
    /// <summary>Whole seconds to wait, at least 1 (for <c>Retry-After</c> and the reply).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
