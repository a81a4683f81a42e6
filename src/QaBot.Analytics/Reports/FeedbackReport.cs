namespace QaBot.Analytics.Reports;

/// <summary>"Helpful" / "Not helpful" clicks and questions by platform, and the passages most often marked not helpful.</summary>
public sealed record FeedbackReport
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    /// <summary>One line per platform that had questions or feedback, by name.</summary>
    public required IReadOnlyList<PlatformFeedback> Platforms { get; init; }

    /// <summary>Passages cited by answers marked not helpful, most "Not helpful" first (ties: fewest "Helpful").</summary>
    public required IReadOnlyList<PassageFeedback> NotHelpfulPassages { get; init; }

    public int Helpful => Platforms.Sum(p => p.Helpful);

    public int NotHelpful => Platforms.Sum(p => p.NotHelpful);
}
