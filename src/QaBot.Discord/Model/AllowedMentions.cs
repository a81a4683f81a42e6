namespace QaBot.Discord.Model;

/// <summary>Which mentions in a message may notify people.</summary>
public sealed record AllowedMentions
{
    /// <summary>No @everyone, role or user pings from text; only the replied-to user.</summary>
    public static AllowedMentions ReplyOnly { get; } = new() { Parse = [], RepliedUser = true };

    public IReadOnlyList<string> Parse { get; init; } = [];

    /// <summary>Users who may be notified (at most 100).</summary>
    public IReadOnlyList<string>? Users { get; init; }

    public bool? RepliedUser { get; init; }
}
