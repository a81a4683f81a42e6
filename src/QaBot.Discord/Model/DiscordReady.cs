namespace QaBot.Discord.Model;

/// <summary>The <c>READY</c> dispatch: who the bot is and how to resume the session.</summary>
public sealed record DiscordReady
{
    public required DiscordUser User { get; init; }

    public required string SessionId { get; init; }

    public string? ResumeGatewayUrl { get; init; }

    public DiscordApplication? Application { get; init; }

    public IReadOnlyList<System.Text.Json.JsonElement> Guilds { get; init; } = [];
}
