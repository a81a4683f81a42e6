using QaBot.Answering;

namespace QaBot.Analytics.Recording;

/// <summary>A "Helpful" / "Not helpful" click.</summary>
internal sealed record FeedbackEvent : AnalyticsEvent
{
    public required bool Helpful { get; init; }

    public AnswerKind AnswerKind { get; init; }

    public IReadOnlyList<string> PassageIds { get; init; } = [];

    /// <summary>The question, when the platform kept it and the answer was marked not helpful; null otherwise.</summary>
    public string? Text { get; init; }
}
