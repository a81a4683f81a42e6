namespace QaBot.Answering;

/// <summary>What kind of reply an answer is. Serialised in snake_case: answered, no_answer, safety, small_talk, clarify.</summary>
public enum AnswerKind
{
    /// <summary>Answered from the knowledge, with citations.</summary>
    Answered,

    /// <summary>The knowledge has no good answer (or the message was empty or too long).</summary>
    NoAnswer,

    /// <summary>A safety reply: urgent help, or a kind refusal of personal medical or dosing advice.</summary>
    Safety,

    /// <summary>A short friendly reply to a greeting, thanks or "what can you do?", with example questions; no citations.</summary>
    SmallTalk,

    /// <summary>A short clarifying question with likely topics as <see cref="Answer.Choices"/>; no citations, reminder kept.</summary>
    Clarify,
}
