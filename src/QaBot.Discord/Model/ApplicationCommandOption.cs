namespace QaBot.Discord.Model;

/// <summary>An option of a slash command (type 3: a string).</summary>
public sealed record ApplicationCommandOption
{
    public const int StringType = 3;

    public required int Type { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public bool? Required { get; init; }

    public int? MaxLength { get; init; }
}
