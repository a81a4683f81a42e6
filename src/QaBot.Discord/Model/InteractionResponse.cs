namespace QaBot.Discord.Model;

/// <summary>The first response to an interaction, due within 3 seconds.</summary>
public sealed record InteractionResponse
{
    public required InteractionResponseType Type { get; init; }

    public MessageCreate? Data { get; init; }
}
