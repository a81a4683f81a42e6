using QaBot.Answering;

namespace QaBot.Analytics.Storage;

/// <summary>A feedback click as stored; text only for "Not helpful" when the platform kept the question.</summary>
public sealed record FeedbackRecord
{
    public required DateTimeOffset At { get; init; }

    public required string Platform { get; init; }

    /// <summary>HMAC-SHA256 of <c>platform:userId</c> (hex), or null when the platform sent no user id.</summary>
    public string? UserHash { get; init; }

    public required bool Helpful { get; init; }

    /// <summary>The kind of answer the click was about.</summary>
    public AnswerKind AnswerKind { get; init; }

    public IReadOnlyList<string> PassageIds { get; init; } = [];

    /// <summary>The redacted question, for "Not helpful" only and only when the platform had it; null otherwise.</summary>
    public string? Text { get; init; }

    public string? GroupKey { get; init; }
}
