using QaBot.Discord.Model;

namespace QaBot.Discord.Bot;

/// <summary>How to handle an interaction: the first response (due within 3 seconds) and the work after it.</summary>
internal sealed record InteractionPlan(InteractionResponse Response, Func<CancellationToken, Task>? FollowUp = null)
{
    /// <summary>
    /// Work done before the response is sent, which must not depend on it: a feedback click is recorded first, so that
    /// a failed "thank you" loses nothing. It never throws.
    /// </summary>
    public Func<CancellationToken, Task>? Before { get; init; }
}
