namespace QaBot.Discord.Model;

/// <summary>A message as received in <c>MESSAGE_CREATE</c> or returned by the REST API.</summary>
public sealed record DiscordMessage
{
    public required string Id { get; init; }

    public required string ChannelId { get; init; }

    /// <summary>Absent for direct messages.</summary>
    public string? GuildId { get; init; }

    public DiscordUser? Author { get; init; }

    /// <summary>The text; never logged.</summary>
    public string Content { get; init; } = "";

    public IReadOnlyList<DiscordUser> Mentions { get; init; } = [];

    /// <summary>Set for messages sent by webhooks (which are never answered).</summary>
    public string? WebhookId { get; init; }
}
