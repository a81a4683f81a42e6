namespace QaBot.Discord.Model;

/// <summary>Makes a message a reply to another.</summary>
public sealed record MessageReference
{
    public required string MessageId { get; init; }

    public string? ChannelId { get; init; }

    public string? GuildId { get; init; }

    /// <summary>False: when the question was deleted meanwhile, the answer is still sent, as a plain message.</summary>
    public bool FailIfNotExists { get; init; }
}
