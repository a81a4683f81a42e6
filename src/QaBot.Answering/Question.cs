using QaBot.Answering.Turns;

namespace QaBot.Answering;

/// <summary>A question as asked on any platform.</summary>
public sealed record Question(string Text)
{
    /// <summary>Where it was asked: <c>api</c>, <c>cli</c>, <c>discord</c>, <c>teams</c>, ...</summary>
    public string Platform { get; init; } = "api";

    /// <summary>Platform user id, for rate limits and analytics (never logged; hashed before storage).</summary>
    public string? UserId { get; init; }

    /// <summary>
    /// Set by the question turn (<see cref="IQuestionTurn"/>): triage already ran on this message and the question was
    /// encoded once, so the answer service neither triages nor encodes again. Null: the answer service does both itself.
    /// </summary>
    public TriageOutcome? Triage { get; init; }
}
