namespace QaBot.Discord.Model;

/// <summary>The bot's application (from <c>READY</c> or <c>GET /applications/@me</c>).</summary>
public sealed record DiscordApplication
{
    public required string Id { get; init; }
}
