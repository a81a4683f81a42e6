namespace QaBot.Discord.Model;

/// <summary>An action row (type 1) holding buttons (type 2).</summary>
public sealed record MessageComponent
{
    public const int ActionRowType = 1;
    public const int ButtonType = 2;
    public const int SuccessStyle = 3;
    public const int SecondaryStyle = 2;

    public required int Type { get; init; }

    public int? Style { get; init; }

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public IReadOnlyList<MessageComponent>? Components { get; init; }
}
