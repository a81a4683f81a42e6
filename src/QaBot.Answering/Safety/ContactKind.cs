namespace QaBot.Answering.Safety;

/// <summary>What a contact is for. Serialised in snake_case.</summary>
public enum ContactKind
{
    /// <summary>Emergency services (911, 112): listed first under emergency replies.</summary>
    Emergency,

    /// <summary>A crisis or suicide line (988): listed first under self-harm replies.</summary>
    Crisis,
}
