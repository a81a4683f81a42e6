using System.Text.Json;

namespace QaBot.Discord.Model;

/// <summary>One option of a slash command, e.g. <c>question</c>, or a subcommand with its own options.</summary>
public sealed record InteractionDataOption
{
    public required string Name { get; init; }

    public int Type { get; init; }

    public JsonElement? Value { get; init; }

    /// <summary>A subcommand's options.</summary>
    public IReadOnlyList<InteractionDataOption> Options { get; init; } = [];
}
