namespace QaBot.Discord.Model;

/// <summary>The command name and options, or the clicked component's custom id.</summary>
public sealed record InteractionData
{
    public string? Name { get; init; }

    public IReadOnlyList<InteractionDataOption> Options { get; init; } = [];

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }
}
