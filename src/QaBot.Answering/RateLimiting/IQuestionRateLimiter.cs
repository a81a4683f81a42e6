namespace QaBot.Answering.RateLimiting;

/// <summary>
/// The abuse policy every entry point shares (<see cref="RateLimitOptions"/>): first <see cref="TryAcquire"/>, a cheap
/// check of the user's and the global token buckets before any work is done; then <see cref="EnterAsync"/>, a slot
/// among the questions answered at the same time, held while answering.
/// </summary>
public interface IQuestionRateLimiter
{
    /// <summary>
    /// Takes one question from <paramref name="userKey"/>'s bucket and then from the global one. <paramref name="userKey"/>
    /// identifies the asker on <paramref name="platform"/> (a client IP, a user id); it is kept in memory only while its
    /// bucket is not full, and never logged. Null: only the global bucket applies.
    /// </summary>
    RateLimitDecision TryAcquire(string platform, string? userKey);

    /// <summary>Waits (bounded in count and time) for an answering slot; dispose the slot when the answer is done.</summary>
    ValueTask<AnswerSlot> EnterAsync(string platform, CancellationToken cancellationToken);
}
