namespace QaBot.Teams.Cards;

/// <summary>A numbered source as shown on a card: title, section, and a link or the knowledge file's name.</summary>
internal sealed record CardCitation
{
    public required int N { get; init; }

    public required string Id { get; init; }

    public required string Title { get; init; }

    public string Section { get; init; } = "";

    /// <summary>An absolute http(s) link, or null.</summary>
    public string? Url { get; init; }

    public string File { get; init; } = "";
}
