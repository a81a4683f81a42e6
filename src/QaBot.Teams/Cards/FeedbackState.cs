namespace QaBot.Teams.Cards;

/// <summary>What a card shows where the feedback buttons go.</summary>
internal enum FeedbackState
{
    /// <summary>Nothing: welcome, help and safety cards, or a card that would otherwise be too large.</summary>
    None,

    /// <summary>The "Helpful" / "Not helpful" buttons.</summary>
    Ask,

    /// <summary>A thank-you in place of the buttons, after a "Helpful" click.</summary>
    GivenHelpful,

    /// <summary>A thank-you in place of the buttons, after a "Not helpful" click.</summary>
    GivenNotHelpful,
}
