using QaBot.Answering;
using QaBot.Answering.Safety;

namespace QaBot.Analytics.Recording;

/// <summary>A question and the outcome of its answer.</summary>
internal sealed record QuestionEvent : AnalyticsEvent
{
    public required AnswerKind Outcome { get; init; }

    public SafetyCategory? Category { get; init; }

    public IReadOnlyList<string> PassageIds { get; init; } = [];

    /// <summary>The question as asked; set only for no-answer questions (answered and safety ones are counted without text).</summary>
    public string? Text { get; init; }
}
