namespace QaBot.Answering.Feedback;

/// <summary>A "Helpful" / "Not helpful" click on an answer.</summary>
public sealed record FeedbackEntry
{
    public required string Platform { get; init; }

    /// <summary>Platform user id; the sink must hash it before storing, never keep it in the clear.</summary>
    public string? UserId { get; init; }

    public required bool Helpful { get; init; }

    public AnswerKind Kind { get; init; }

    /// <summary>The question, when the platform kept it (stored only for "Not helpful", redacted).</summary>
    public string? Question { get; init; }

    /// <summary>Ids of the cited passages.</summary>
    public IReadOnlyList<string> PassageIds { get; init; } = [];

    public DateTimeOffset At { get; init; }
}
