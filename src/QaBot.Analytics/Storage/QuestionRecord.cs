using QaBot.Answering;
using QaBot.Answering.Safety;

namespace QaBot.Analytics.Storage;

/// <summary>A question as stored: when, where, the outcome, the hashed user and the cited passages; text only when unanswered.</summary>
public sealed record QuestionRecord
{
    public required DateTimeOffset At { get; init; }

    /// <summary>Lowercase platform name: <c>discord</c>, <c>teams</c>, <c>api</c>, ...</summary>
    public required string Platform { get; init; }

    /// <summary>HMAC-SHA256 of <c>platform:userId</c> (hex), or null when the platform sent no user id.</summary>
    public string? UserHash { get; init; }

    public required AnswerKind Outcome { get; init; }

    public SafetyCategory? Category { get; init; }

    public IReadOnlyList<string> PassageIds { get; init; } = [];

    /// <summary>The redacted question, for no-answer questions only; null for answered and safety questions.</summary>
    public string? Text { get; init; }

    /// <summary>The grouping key of <see cref="Text"/> (see <see cref="Reports.QuestionNormalizer"/>), or null without text.</summary>
    public string? GroupKey { get; init; }
}
