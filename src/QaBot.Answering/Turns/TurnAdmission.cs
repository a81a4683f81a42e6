using QaBot.Answering.Conversations;

namespace QaBot.Answering.Turns;

/// <summary>
/// The first half of a question turn (<see cref="IQuestionTurn.AdmitAsync"/>): either the turn is already over
/// (<see cref="Result"/>: an empty message, a safety reply, a refusal) or the question was admitted and waits for
/// <see cref="IQuestionTurn.AnswerAsync"/>, which an adapter may run later (after Discord's deferred response).
/// </summary>
public sealed class TurnAdmission
{
    internal TurnAdmission(TurnResult result)
    {
        Result = result;
    }

    internal TurnAdmission(Question question, bool unlimited)
    {
        Question = question;
        Unlimited = unlimited;
    }

    /// <summary>The finished turn, or null when the question was admitted and is still to be answered.</summary>
    public TurnResult? Result { get; }

    /// <summary>The admitted question, with triage's outcome attached; null when <see cref="Result"/> is set.</summary>
    internal Question? Question { get; }

    /// <summary>Answered without an answering slot (the CLI, eval).</summary>
    internal bool Unlimited { get; }

    /// <summary>The conversation of the question (null: none), its cleaned text and its remembered turns.</summary>
    internal ConversationKey? Conversation { get; init; }

    /// <summary>The cleaned, bounded message.</summary>
    internal string Text { get; init; } = "";

    /// <summary>The conversation's turns before this one, oldest first (empty without a conversation or context).</summary>
    internal IReadOnlyList<ConversationTurn> Context { get; init; } = [];
}
