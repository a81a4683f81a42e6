namespace QaBot.Discord.Model;

/// <summary>A channel or thread (only the id and type are read).</summary>
public sealed record DiscordChannel
{
    public required string Id { get; init; }

    public int Type { get; init; }
}
