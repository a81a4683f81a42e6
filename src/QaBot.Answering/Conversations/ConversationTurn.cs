using QaBot.Answering.Safety;

namespace QaBot.Answering.Conversations;

/// <summary>
/// One question and what it got, as remembered for the next turns of its conversation. Never logged, never written to
/// analytics, never stored in plain text outside the process.
/// </summary>
/// <param name="Question">The message as the person wrote it.</param>
/// <param name="ResolvedQuestion">The question that was answered (the message with the previous turn's topic filled in).</param>
/// <param name="CitedIds">The ids of the passages cited, in order.</param>
/// <param name="Kind">What kind of reply it got.</param>
/// <param name="SafetyCategory">Why it got a safety reply; null for other kinds.</param>
/// <param name="At">When it was answered.</param>
public sealed record ConversationTurn(
    string Question,
    string ResolvedQuestion,
    IReadOnlyList<string> CitedIds,
    AnswerKind Kind,
    SafetyCategory? SafetyCategory,
    DateTimeOffset At);
