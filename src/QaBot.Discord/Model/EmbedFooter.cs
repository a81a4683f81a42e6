namespace QaBot.Discord.Model;

/// <summary>The small text under an embed.</summary>
public sealed record EmbedFooter
{
    public required string Text { get; init; }
}
