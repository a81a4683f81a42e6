using QaBot.Answering.Conversations;

namespace QaBot.Answering.Turns;

/// <summary>A message to the bot, as an adapter hands it to the question turn (<see cref="IQuestionTurn"/>).</summary>
/// <param name="Text">The message as written (the turn cleans it).</param>
public sealed record TurnRequest(string Text)
{
    /// <summary>Where it was asked: <c>api</c>, <c>cli</c>, <c>discord</c>, <c>teams</c>, <c>eval</c>, ...</summary>
    public required string Platform { get; init; }

    /// <summary>Platform user id, for analytics (never logged; hashed before storage) and, by default, the per-user limit.</summary>
    public string? UserId { get; init; }

    /// <summary>Who the per-user rate limit counts (a client IP, a user id); null: <see cref="UserId"/>.</summary>
    public string? RateLimitKey { get; init; }

    /// <summary>No rate limits and no answering slot (the CLI and <c>qabot eval</c>: one person at a terminal).</summary>
    public bool Unlimited { get; init; }

    /// <summary>
    /// The platform's own admission check (Discord's per-user cooldown), run after triage and before the shared limits:
    /// a refusal it returns is the turn's result. Never asked about a message that gets a safety reply.
    /// </summary>
    public Func<TurnRefusal?>? PlatformGate { get; init; }

    /// <summary>
    /// The conversation the message belongs to: its recent turns resolve follow-ups and carry safety over, and this turn is
    /// remembered for the next. Null: no context (answered alone, as the CLI and the single-question eval do).
    /// </summary>
    public ConversationKey? Conversation { get; init; }
}
