namespace QaBot.Answering.Conversations;

/// <summary>What every store does to a turn before keeping it.</summary>
internal static class ConversationTurns
{
    /// <summary>Most passage ids kept per turn.</summary>
    public const int MaxCitedIds = 10;

    /// <summary>The turn with its texts cut to <paramref name="maxChars"/> and at most <see cref="MaxCitedIds"/> cited ids.</summary>
    public static ConversationTurn Bound(ConversationTurn turn, int maxChars) => turn with
    {
        Question = Cut(turn.Question, maxChars),
        ResolvedQuestion = Cut(turn.ResolvedQuestion, maxChars),
        CitedIds = turn.CitedIds.Take(MaxCitedIds).ToArray(),
    };

    private static string Cut(string? text, int maxChars) =>
        text is null ? "" : text.Length <= maxChars ? text : text[..maxChars];
}
