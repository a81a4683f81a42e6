namespace QaBot.Discord.Model;

/// <summary>An option of a slash command: a string or integer value, or a subcommand with options of its own.</summary>
public sealed record ApplicationCommandOption
{
    public const int SubCommandType = 1;
    public const int StringType = 3;
    public const int IntegerType = 4;

    public required int Type { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public bool? Required { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>The smallest integer Discord lets users enter.</summary>
    public int? MinValue { get; init; }

    /// <summary>The largest integer Discord lets users enter.</summary>
    public int? MaxValue { get; init; }

    /// <summary>A subcommand's own options.</summary>
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
}
