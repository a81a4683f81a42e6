namespace QaBot.Discord.Model;

/// <summary>A name/value block of an embed.</summary>
public sealed record EmbedField
{
    public required string Name { get; init; }

    public required string Value { get; init; }

    public bool? Inline { get; init; }
}
