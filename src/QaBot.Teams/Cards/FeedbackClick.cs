namespace QaBot.Teams.Cards;

/// <summary>A "Helpful" / "Not helpful" click as read back from a card's action data.</summary>
internal sealed record FeedbackClick
{
    public required bool Helpful { get; init; }

    /// <summary>The answer the card showed, to redraw it with the feedback acknowledged.</summary>
    public required CardContent Content { get; init; }

    /// <summary>The question, carried by the "Not helpful" button only.</summary>
    public string? Question { get; init; }
}
