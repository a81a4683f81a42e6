namespace QaBot.Analytics.Reports;

/// <summary>One platform's feedback clicks and questions in a period.</summary>
public sealed record PlatformFeedback
{
    /// <summary><c>discord</c>, <c>teams</c>, <c>api</c>, ...</summary>
    public required string Platform { get; init; }

    public int Helpful { get; init; }

    public int NotHelpful { get; init; }

    /// <summary>Questions answered from the knowledge.</summary>
    public int Answered { get; init; }

    /// <summary>Questions without an answer.</summary>
    public int NoAnswer { get; init; }

    /// <summary>Questions that got a safety reply.</summary>
    public int Safety { get; init; }
}
