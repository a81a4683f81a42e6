namespace QaBot.Discord.Model;

/// <summary>A slash command definition, as sent in the bulk overwrite.</summary>
public sealed record ApplicationCommand
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>1: a slash command.</summary>
    public int Type { get; init; } = 1;

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>Where the command can be used: 0 guilds, 1 the bot's DMs (global commands only).</summary>
    public IReadOnlyList<int>? Contexts { get; init; }

    /// <summary>0: installed to a guild (global commands only).</summary>
    public IReadOnlyList<int>? IntegrationTypes { get; init; }

    /// <summary>
    /// The permission bits a member needs to see and use the command by default (a decimal string); server admins can
    /// change who may use it under Server Settings, Integrations. Null: everyone.
    /// </summary>
    public string? DefaultMemberPermissions { get; init; }
}
