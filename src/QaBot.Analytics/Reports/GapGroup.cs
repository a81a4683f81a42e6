namespace QaBot.Analytics.Reports;

/// <summary>Similar questions the knowledge did not answer well (same <see cref="QuestionNormalizer.Key"/>).</summary>
public sealed record GapGroup
{
    /// <summary>The normalised words shared by the questions, e.g. <c>lupus</c> for "what is lupus?" and "whats lupus".</summary>
    public required string Key { get; init; }

    /// <summary>The most recent question of the group, redacted (e-mails, phone and long numbers removed).</summary>
    public required string Example { get; init; }

    /// <summary>How often: unanswered questions plus "Not helpful" clicks.</summary>
    public required int Count { get; init; }

    /// <summary>How many different people asked (by hashed id; questions from the HTTP API carry no user and are not counted here).</summary>
    public required int DistinctUsers { get; init; }

    public required DateTimeOffset LastAsked { get; init; }

    /// <summary>Questions the bot had no answer for.</summary>
    public required int NoAnswerCount { get; init; }

    /// <summary>"Not helpful" clicks that came with the question (Teams keeps it; Discord does not, see the feedback report).</summary>
    public required int NotHelpfulCount { get; init; }

    /// <summary>
    /// The section the group's question could be attached to with an <c>Also asked:</c> line; null when the report was
    /// made without the knowledge or nothing in it is near (QaBot.Moderation's <c>GapSuggestions</c>).
    /// </summary>
    public GapSuggestion? Suggestion { get; init; }

    /// <summary>The reasons present in the group, no-answer first.</summary>
    public IReadOnlyList<GapReason> Reasons =>
        [.. NoAnswerCount > 0 ? [GapReason.NoAnswer] : Array.Empty<GapReason>(), .. NotHelpfulCount > 0 ? [GapReason.NotHelpful] : Array.Empty<GapReason>()];
}
