namespace QaBot.Answering;

/// <summary>A numbered source of an answer: the passage, where it comes from, and a quote of it.</summary>
public sealed record Citation
{
    /// <summary>1-based number used by the <c>[n]</c> markers of the answer text.</summary>
    public required int N { get; init; }

    /// <summary>The passage id (e.g. <c>conditions/lupus#can-stem-cell-therapy-help-lupus-sle</c>).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string Section { get; init; } = "";

    public string? Source { get; init; }

    public string? Url { get; init; }

    /// <summary>Knowledge file the passage came from, for platforms that show it when there is no URL.</summary>
    public string File { get; init; } = "";

    /// <summary>The quoted passage text (at most about 300 characters) with the question's words in Markdown bold.</summary>
    public required string Quote { get; init; }

    /// <summary>Retrieval score of the passage (higher is better; comparable within one answer).</summary>
    public double Score { get; init; }
}
