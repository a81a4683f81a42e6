namespace QaBot.Discord.Model;

/// <summary>A rich embed. <see cref="Bot.EmbedLimits"/> holds Discord's size limits.</summary>
public sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public int? Color { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }

    public EmbedFooter? Footer { get; init; }
}
