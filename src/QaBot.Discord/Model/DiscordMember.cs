namespace QaBot.Discord.Model;

/// <summary>A guild member; in interactions it carries the user, their role ids and their permissions.</summary>
public sealed record DiscordMember
{
    public DiscordUser? User { get; init; }

    /// <summary>The member's role ids.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>In interactions: the member's permissions in the channel, as Discord computed them (a decimal bit set).</summary>
    public string? Permissions { get; init; }
}
