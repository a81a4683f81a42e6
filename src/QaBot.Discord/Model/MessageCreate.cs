namespace QaBot.Discord.Model;

/// <summary>A message to send: a reply, a follow-up, or the data of an interaction response.</summary>
public sealed record MessageCreate
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<MessageComponent>? Components { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public MessageReference? MessageReference { get; init; }

    /// <summary>E.g. <see cref="MessageFlags.Ephemeral"/> (interaction responses only).</summary>
    public int? Flags { get; init; }
}
