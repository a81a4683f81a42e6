namespace QaBot.Discord.Model;

/// <summary>A Discord user (only what QaBot reads). The user name is never logged.</summary>
public sealed record DiscordUser
{
    public required string Id { get; init; }

    public string? Username { get; init; }

    public bool? Bot { get; init; }

    public bool? System { get; init; }
}
