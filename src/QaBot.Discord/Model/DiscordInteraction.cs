using System.Text.Json.Serialization;

namespace QaBot.Discord.Model;

/// <summary>A slash command, a button click or a ping, from the gateway or the HTTP endpoint.</summary>
public sealed record DiscordInteraction
{
    public required string Id { get; init; }

    public string ApplicationId { get; init; } = "";

    public required InteractionType Type { get; init; }

    public InteractionData? Data { get; init; }

    /// <summary>Absent in direct messages.</summary>
    public string? GuildId { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>Who acted, in a guild.</summary>
    public DiscordMember? Member { get; init; }

    /// <summary>Who acted, in a direct message.</summary>
    public DiscordUser? User { get; init; }

    /// <summary>The interaction token: valid for 15 minutes, a secret, never logged.</summary>
    public string Token { get; init; } = "";

    /// <summary>The user who acted, wherever it happened.</summary>
    [JsonIgnore]
    public DiscordUser? Actor => Member?.User ?? User;
}
