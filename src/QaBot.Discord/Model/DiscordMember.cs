namespace QaBot.Discord.Model;

/// <summary>A guild member; in interactions it carries the user.</summary>
public sealed record DiscordMember
{
    public DiscordUser? User { get; init; }
}
