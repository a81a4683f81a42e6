namespace QaBot.Analytics.Reports;

/// <summary>What members asked in a period that the knowledge did not answer (or answered unhelpfully), grouped.</summary>
public sealed record GapReport
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    /// <summary>The largest groups first (ties: the most recent first), at most the limit asked for.</summary>
    public required IReadOnlyList<GapGroup> Groups { get; init; }

    /// <summary>All unanswered questions of the period, grouped or not.</summary>
    public required int NoAnswerTotal { get; init; }

    /// <summary>All "Not helpful" clicks of the period, with or without the question.</summary>
    public required int NotHelpfulTotal { get; init; }
}
